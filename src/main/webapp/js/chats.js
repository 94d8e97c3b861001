// The chat list: every conversation of the user, most recent first, with its last message and
// unread badge. Kept current by the live stream: a message updates its chat in place; state
// changes (read elsewhere, bulk actions, membership) reload the list from the server.

import { api, query } from './api.js';
import { session } from './auth.js';
import { $, avatar, h, show } from './dom.js';
import { emit, on } from './events.js';
import { shortTime, snippet } from './format.js';
import { showLine } from './forms.js';
import { conversationPath } from './router.js';

const PAGE = 50;
const items = new Map(); // conversationId -> chat list item
let nextCursor = null;
let activeId = null;
let reloadTimer = null;
const others = new Map(); // lookups under way or done: Promise<string[]>, the participants but me
const counted = new Set(); // message ids already counted as unread here (a replay never counts twice)
let readingNow = () => false;

function sorted() {
  return [...items.values()].sort((a, b) => (b.lastActivityAt || '').localeCompare(a.lastActivityAt || ''));
}

/**
 * Who else takes part in a direct or ad-hoc conversation: the chat list says (participants); a
 * chat first seen on the live stream does not, so it is read from its latest message (sender and
 * recipients). A direct conversation's id is derived from its participants, so they never change:
 * remembered for the tab's life. An ad-hoc one is looked up again when its latest message changes.
 */
const KNOWN = 'herald.participants';

function remembered() {
  try {
    return JSON.parse(sessionStorage.getItem(KNOWN) || '{}');
  } catch {
    return {};
  }
}

function participantsOf(chat) {
  if (chat && chat.kind !== 'group' && chat.participants) {
    return Promise.resolve(chat.participants.filter((u) => u !== session.user));
  }
  if (!chat || chat.kind === 'group' || !chat.lastMessage) return Promise.resolve([]);
  const { conversationId, lastMessage } = chat;
  if (chat.kind === 'direct') {
    const known = remembered()[conversationId];
    if (known) return Promise.resolve(known);
  }
  const key = chat.kind === 'direct' ? conversationId : `${conversationId} ${lastMessage.id}`;
  if (!others.has(key)) {
    const me = session.user;
    const lookup = api(`messages/${encodeURIComponent(lastMessage.id)}`).then((m) => {
      const names = [...new Set([m.sender, ...(m.to || [])])].filter((u) => u !== me).sort();
      if (chat.kind === 'direct') {
        sessionStorage.setItem(KNOWN, JSON.stringify({ ...remembered(), [conversationId]: names }));
      }
      return names;
    });
    others.set(key, lookup.catch((e) => {
      others.delete(key);
      throw e;
    }));
  }
  return others.get(key);
}

function provisionalTitle(chat) {
  if (chat.kind === 'group') return chat.title || 'Group';
  const last = chat.lastMessage;
  if (last && last.sender !== session.user) return last.sender;
  return '…';
}

function titleSpan(chat) {
  const span = h('span', { class: 'chat-title' }, provisionalTitle(chat));
  if (chat.kind !== 'group') {
    participantsOf(chat).then((names) => {
      span.textContent = names.length ? names.join(', ') : `${session.user} (you)`;
    }).catch(() => {});
  }
  return span;
}

function lastLine(chat) {
  const last = chat.lastMessage;
  if (!last) return chat.kind === 'group' ? 'No messages yet' : '';
  const who = last.sender === session.user ? 'You' : last.sender;
  const text = last.subject ? `${last.subject} — ${last.snippet || ''}` : last.snippet || '';
  return chat.kind === 'group' || who === 'You' ? `${who}: ${text}` : text;
}

function renderChat(chat) {
  const unread = chat.unread > 0;
  const link = h(
    'a',
    {
      class: `chat${unread ? ' unread' : ''}`,
      href: conversationPath(chat.conversationId),
      'aria-current': chat.conversationId === activeId ? 'page' : null,
      dataset: { id: chat.conversationId },
    },
    avatar(chat.kind === 'group' ? chat.title || 'Group' : provisionalTitle(chat), chat.kind === 'group' ? 'square' : ''),
    h(
      'span',
      { class: 'chat-main' },
      h('span', { class: 'chat-top' }, titleSpan(chat),
        h('time', { class: 'chat-time', datetime: chat.lastActivityAt }, shortTime(chat.lastActivityAt))),
      h('span', { class: 'chat-bottom' },
        h('span', { class: 'chat-snippet' }, lastLine(chat)),
        unread ? h('span', { class: 'badge' }, String(chat.unread), h('span', { class: 'visually-hidden' }, ' unread')) : null),
    ),
  );
  if (chat.kind !== 'group') {
    participantsOf(chat).then((names) => {
      const first = link.querySelector('.avatar');
      first.replaceWith(avatar(names[0] || session.user));
    }).catch(() => {});
  }
  return h('li', {}, link);
}

function render() {
  const list = $('#chat-list');
  list.replaceChildren(...sorted().map(renderChat));
  show($('#chat-list-empty'), items.size === 0);
  show($('#chat-list-more'), Boolean(nextCursor));
  emit('chats:changed');
}

function scheduleReload() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => chats.load().catch(() => {}), 150);
}

function onMessage(item) {
  const chat = items.get(item.conversationId);
  if (!chat) {
    scheduleReload();
    return;
  }
  const own = item.sender === session.user;
  chat.lastMessage = {
    id: item.messageId,
    sender: item.sender,
    subject: item.subject,
    snippet: snippet(item.body, 100),
    createdAt: item.createdAt,
  };
  if (!chat.lastActivityAt || item.createdAt > chat.lastActivityAt) chat.lastActivityAt = item.createdAt;
  if (!own && !item.readAt && !counted.has(item.messageId) && !readingNow(item.conversationId)) {
    if (counted.size > 5000) counted.clear(); // only replays of recent events can repeat
    counted.add(item.messageId);
    chat.unread += 1;
  }
  render();
}

export const chats = {
  async load() {
    const page = await api(`conversations${query({ limit: PAGE })}`);
    items.clear();
    for (const item of page.items) items.set(item.conversationId, item);
    nextCursor = page.nextCursor || null;
    showLine($('#chat-list-error'), null);
    render();
  },

  async more() {
    if (!nextCursor) return;
    const page = await api(`conversations${query({ limit: PAGE, cursor: nextCursor })}`);
    for (const item of page.items) items.set(item.conversationId, item);
    nextCursor = page.nextCursor || null;
    render();
  },

  get(id) {
    return items.get(id);
  },

  all() {
    return sorted();
  },

  groups() {
    return sorted().filter((c) => c.kind === 'group');
  },

  /** The participants other than me (direct and ad-hoc conversations). */
  participants(id) {
    return participantsOf(items.get(id));
  },

  /** A display title: the group's name, or the other participants' names. */
  async title(id) {
    const chat = items.get(id);
    if (!chat) return null;
    if (chat.kind === 'group') return chat.title || 'Group';
    const names = await participantsOf(chat);
    return names.length ? names.join(', ') : `${session.user} (you)`;
  },

  setActive(id) {
    activeId = id;
    for (const link of document.querySelectorAll('#chat-list .chat')) {
      if (link.dataset.id === id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  },

  /** The conversation was read here: its badge goes at once, without waiting for the server. */
  markedRead(id) {
    const chat = items.get(id);
    if (chat && chat.unread !== 0) {
      chat.unread = 0;
      render();
    }
  },

  /** Which conversation is being read right now (its new messages never count as unread). */
  setReadingCheck(check) {
    readingNow = check;
  },

  reloadSoon: scheduleReload,

  start() {
    $('#chat-list-more').addEventListener('click', () => chats.more().catch((e) => showLine($('#chat-list-error'), e)));
    on('stream:message', onMessage);
    on('stream:delivery', scheduleReload);
    on('stream:conversation', scheduleReload);
    on('stream:reset', scheduleReload);
    on('inbox:changed', scheduleReload); // read or deleted here: badges and last messages change
    on('stream:open', (resumed) => {
      if (!resumed) scheduleReload();
    });
    return chats.load().catch((e) => showLine($('#chat-list-error'), e));
  },
};
