// One conversation: its history (newest page first, older pages when scrolling up), new messages
// live from the stream, and the send box. While it is open and the tab visible, what arrives is
// read: the page marks the conversation read (POST /api/inbox/read-all?conversationId=…).

import { api, query } from './api.js';
import { session } from './auth.js';
import { chats } from './chats.js';
import { $, announce, avatar, h, paintAvatar, show } from './dom.js';
import { emit, on } from './events.js';
import { clockTime, dayKey, dayLabel, fullTime, snippet } from './format.js';
import { clearErrors, showError, showLine } from './forms.js';
import { enterSends } from './keys.js';
import { messagePath } from './router.js';

const PAGE = 30;
const GROUP_WINDOW_MS = 5 * 60_000;
const NEAR_BOTTOM_PX = 80;

let state = fresh(null);
let visible = false;
let liveStream = false;
let readTimer = null;
let sendKey = null;

function fresh(id) {
  return {
    id,
    kind: id ? kindOf(id) : null,
    messages: [], // oldest first: {id, sender, subject, body, createdAt, pending?}
    byId: new Map(),
    nextCursor: null,
    prevCursor: null,
    loadingOlder: false,
    unreadHere: false,
    group: null,
    titled: false, // the header names the conversation (not a stand-in)
    generation: 0,
  };
}

function kindOf(id) {
  if (id.startsWith('g-')) return 'group';
  if (id.startsWith('dm-')) return 'direct';
  return 'thread';
}

const el = {
  get history() { return $('#history'); },
  get list() { return $('#history-list'); },
  get older() { return $('#history-older'); },
  get form() { return $('#composer'); },
  get body() { return $('#composer-body'); },
};

// ---- rendering ---------------------------------------------------------------------------------

function continues(prev, m) {
  return prev && prev.sender === m.sender && dayKey(prev.createdAt) === dayKey(m.createdAt)
    && new Date(m.createdAt) - new Date(prev.createdAt) < GROUP_WINDOW_MS;
}

function messageItem(m, prev) {
  const own = m.sender === session.user;
  const grouped = continues(prev, m);
  return h(
    'li',
    {
      class: `msg${grouped ? ' continued' : ''}${own ? ' own' : ''}${m.pending ? ' pending' : ''}`,
      dataset: { id: m.id },
    },
    grouped ? h('span', { class: 'avatar-space', 'aria-hidden': 'true' }) : avatar(m.sender),
    h(
      'div',
      { class: 'msg-main' },
      h('div', { class: grouped ? 'msg-head visually-hidden' : 'msg-head' },
        h('span', { class: 'msg-sender' }, own ? `${m.sender} (you)` : m.sender),
        h('a', { class: 'msg-time', href: messagePath(m.id), title: fullTime(m.createdAt) },
          h('time', { datetime: m.createdAt }, clockTime(m.createdAt)))),
      m.subject ? h('p', { class: 'msg-subject' }, m.subject) : null,
      h('div', { class: 'msg-body' }, m.body),
      m.pending ? h('span', { class: 'msg-state muted small' }, 'Sending…') : null,
    ),
  );
}

function daySeparator(iso) {
  return h('li', { class: 'day', role: 'separator' }, h('span', {}, dayLabel(iso)));
}

function renderRun(messages, before) {
  const nodes = [];
  let prev = before;
  for (const m of messages) {
    if (!prev || dayKey(prev.createdAt) !== dayKey(m.createdAt)) nodes.push(daySeparator(m.createdAt));
    nodes.push(messageItem(m, prev));
    prev = m;
  }
  return nodes;
}

function renderAll() {
  el.list.replaceChildren(...renderRun(state.messages, null));
  show(el.older, Boolean(state.nextCursor));
  show($('#history-start'), !state.nextCursor && state.messages.length > 0);
}

function nearBottom() {
  const box = el.history;
  return box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
}

function scrollToBottom() {
  const box = el.history;
  box.scrollTop = box.scrollHeight;
  show($('#jump-latest'), false);
}

function compare(a, b) {
  return a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? -1 : 1;
}

/** Adds or updates one message; appends in place when it is the newest (the usual case). */
function upsert(m) {
  const known = state.byId.get(m.id);
  if (known) {
    const wasPending = known.pending;
    Object.assign(known, m, { pending: false });
    if (wasPending) {
      chats.reloadSoon(); // the chat list shows it as the latest message now
      const node = el.list.querySelector(`li[data-id="${CSS.escape(m.id)}"]`);
      const index = state.messages.indexOf(known);
      node?.replaceWith(messageItem(known, state.messages[index - 1]));
    }
    return false;
  }
  const last = state.messages[state.messages.length - 1];
  state.byId.set(m.id, m);
  if (!last || compare(last, m) <= 0) {
    state.messages.push(m);
    el.list.append(...renderRun([m], last));
  } else {
    state.messages.push(m);
    state.messages.sort(compare);
    renderAll();
  }
  show($('#history-start'), !state.nextCursor && state.messages.length > 0);
  return true;
}

function remove(id) {
  const known = state.byId.get(id);
  if (!known) return;
  state.byId.delete(id);
  state.messages = state.messages.filter((m) => m !== known);
  renderAll();
}

// ---- loading -----------------------------------------------------------------------------------

function fromHistory(item) {
  return { id: item.id, sender: item.sender, subject: item.subject, body: item.body, createdAt: item.createdAt };
}

async function loadNewest() {
  const generation = state.generation;
  const page = await api(`conversations/${encodeURIComponent(state.id)}/messages${query({ limit: PAGE })}`);
  if (generation !== state.generation) return;
  const loaded = page.items.map(fromHistory);
  const ids = new Set(loaded.map((m) => m.id));
  // what arrived or was sent while the page loaded stays (a stored copy replaces a pending one)
  const meanwhile = state.messages.filter((m) => !ids.has(m.id));
  state.messages = [...loaded, ...meanwhile].sort(compare);
  state.byId = new Map(state.messages.map((m) => [m.id, m]));
  state.nextCursor = page.nextCursor || null;
  state.prevCursor = page.prevCursor || null;
  renderAll();
  scrollToBottom();
}

async function loadOlder() {
  if (!state.nextCursor || state.loadingOlder) return;
  state.loadingOlder = true;
  const generation = state.generation;
  try {
    const page = await api(`conversations/${encodeURIComponent(state.id)}/messages${query({ before: state.nextCursor, limit: PAGE })}`);
    if (generation !== state.generation) return;
    const box = el.history;
    const fromBottom = box.scrollHeight - box.scrollTop;
    const older = page.items.map(fromHistory).filter((m) => !state.byId.has(m.id));
    for (const m of older) state.byId.set(m.id, m);
    state.messages = [...older, ...state.messages];
    state.nextCursor = page.nextCursor || null;
    renderAll();
    box.scrollTop = box.scrollHeight - fromBottom; // what was on screen stays on screen
  } catch (e) {
    showLine($('#history-error'), e);
  } finally {
    state.loadingOlder = false;
  }
}

/** What arrived since the newest message shown (after a send without the live stream). */
async function catchUp() {
  const generation = state.generation;
  const path = state.prevCursor
    ? `conversations/${encodeURIComponent(state.id)}/messages${query({ after: state.prevCursor, limit: 100 })}`
    : `conversations/${encodeURIComponent(state.id)}/messages${query({ limit: PAGE })}`;
  const page = await api(path);
  if (generation !== state.generation) return;
  const stick = nearBottom();
  for (const item of page.items) upsert(fromHistory(item));
  if (page.prevCursor) state.prevCursor = page.prevCursor;
  if (stick) scrollToBottom();
}

async function awaitStored(id) {
  for (const delay of [200, 400, 800, 1600, 3200]) {
    await new Promise((resolve) => { setTimeout(resolve, delay); });
    if (liveStream || !state.byId.get(id)?.pending) return;
    await catchUp().catch(() => {});
    if (!state.byId.get(id)?.pending) return;
  }
}

// ---- reading -----------------------------------------------------------------------------------

export function isReading(id) {
  return visible && state.id === id && document.visibilityState === 'visible';
}

function markReadSoon() {
  clearTimeout(readTimer);
  readTimer = setTimeout(markRead, 250);
}

async function markRead() {
  const { id } = state;
  if (!id || !isReading(id)) return;
  const chat = chats.get(id);
  if (!state.unreadHere && !(chat && chat.unread > 0)) return;
  state.unreadHere = false;
  try {
    await api(`inbox/read-all${query({ conversationId: id })}`, { method: 'POST' });
    chats.markedRead(id);
    emit('inbox:changed');
  } catch {
    state.unreadHere = true; // try again on the next occasion
  }
}

// ---- header ------------------------------------------------------------------------------------

let headerGeneration = 0;

async function renderHeader() {
  const { id } = state;
  const mine = ++headerGeneration;
  const title = $('#conversation-title');
  const subtitle = $('#conversation-subtitle');
  const members = $('#conversation-members');
  show(members, state.kind === 'group');
  let name = await chats.title(id).catch(() => null);
  let sub = state.kind === 'group' ? 'Group' : state.kind === 'direct' ? 'Direct messages' : 'Conversation';
  if (state.kind === 'group') {
    try {
      state.group = await api(`conversations/${encodeURIComponent(id)}`);
      name = state.group.title;
      sub = `Group · ${state.group.members.length} members: ${state.group.members.join(', ')}`;
    } catch (e) {
      if (e.status === 404) sub = 'You are not a member of this group.';
    }
  }
  state.titled = Boolean(name);
  if (!name) {
    const others = [...new Set(state.messages.map((m) => m.sender))].filter((u) => u !== session.user);
    name = others.length ? others.join(', ') : 'Conversation';
  }
  if (state.id !== id || mine !== headerGeneration) return; // a later rendering is under way
  title.textContent = name;
  subtitle.textContent = sub;
  paintAvatar($('#conversation-avatar'), name);
  $('#conversation-avatar').classList.toggle('square', state.kind === 'group');
  el.body.placeholder = `Message ${name}`;
}

// ---- sending -----------------------------------------------------------------------------------

async function recipientsOf() {
  if (state.kind === 'group') return null;
  let names = await chats.participants(state.id).catch(() => []);
  if (names.length === 0) {
    names = [...new Set(state.messages.map((m) => m.sender))].filter((u) => u !== session.user);
  }
  return names;
}

async function send() {
  const text = el.body.value;
  clearErrors(el.form);
  if (!text.trim()) return;
  const button = $('#composer-send');
  if (button.disabled) return;
  button.disabled = true;
  sendKey = sendKey || crypto.randomUUID();
  const { id } = state;
  try {
    const to = await recipientsOf();
    if (to && to.length === 0) {
      throw new Error('Herald cannot tell who is in this conversation yet. Use “New message” to write to them.');
    }
    const body = to ? { to, conversationId: id, body: text } : { conversationId: id, body: text };
    const receipt = await api('messages', { method: 'POST', body, headers: { 'Idempotency-Key': sendKey } });
    sendKey = null;
    if (el.body.value === text) el.body.value = '';
    if (state.id === id) {
      upsert({ id: receipt.id, sender: session.user, body: text, createdAt: receipt.acceptedAt, pending: true });
      scrollToBottom();
      awaitStored(receipt.id);
    }
  } catch (e) {
    // no answer, or an unknown outcome: the same key makes a retry safe; else the next try is new
    if (!(e.status === 0 || e.status === 504 || e.status === 409)) sendKey = null;
    showError(el.form, e);
  } finally {
    button.disabled = false;
    el.body.focus();
  }
}

// ---- live --------------------------------------------------------------------------------------

function onMessage(item) {
  if (!visible || item.conversationId !== state.id) return;
  const stick = nearBottom() || item.sender === session.user;
  const added = upsert({
    id: item.messageId,
    sender: item.sender,
    subject: item.subject,
    body: item.body,
    createdAt: item.createdAt,
  });
  if (stick) scrollToBottom();
  else if (added) show($('#jump-latest'), true);
  if (added && item.sender !== session.user) {
    announce(`New message from ${item.sender}: ${snippet(item.body, 140)}`);
    if (!item.readAt) {
      state.unreadHere = true;
      markReadSoon();
    }
  }
}

function onDelivery(change) {
  if (!visible || !state.id) return;
  if (change.deleted && change.conversationId === state.id) remove(change.messageId);
}

function onReset() {
  if (visible && state.id) reload();
}

function reload() {
  state.generation += 1;
  loadNewest().then(markReadSoon).catch((e) => showLine($('#history-error'), e));
}

// ---- the view ----------------------------------------------------------------------------------

export const conversation = {
  show(id) {
    visible = true;
    if (state.id !== id) {
      const generation = state.generation + 1;
      state = fresh(id);
      state.generation = generation;
      el.list.replaceChildren();
      show(el.older, false);
      show($('#history-start'), false);
      show($('#jump-latest'), false);
      showLine($('#history-error'), null);
      clearErrors(el.form);
      el.body.value = '';
      sendKey = null;
      $('#conversation-title').textContent = '';
      $('#conversation-subtitle').textContent = '';
      loadNewest()
        .then(() => {
          state.unreadHere = true;
          markReadSoon();
          renderHeader();
        })
        .catch((e) => showLine($('#history-error'), e));
      renderHeader();
    } else {
      markReadSoon();
    }
    chats.setActive(id);
  },

  hide() {
    visible = false;
    chats.setActive(null);
  },

  /** A message just sent from elsewhere (the new message dialog): shown until it is stored. */
  expect(id, receipt, body, subject) {
    if (!visible || state.id !== id) return;
    upsert({ id: receipt.id, sender: session.user, subject, body, createdAt: receipt.acceptedAt, pending: true });
    scrollToBottom();
    awaitStored(receipt.id);
  },

  focusComposer() {
    el.body.focus();
  },

  start() {
    chats.setReadingCheck(isReading);
    enterSends(el.body, () => el.form.requestSubmit());
    el.body.addEventListener('input', () => {
      sendKey = null; // a changed text is another message
    });
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      send();
    });
    el.older.addEventListener('click', loadOlder);
    el.history.addEventListener('scroll', () => {
      if (el.history.scrollTop < 120) loadOlder();
      if (nearBottom()) show($('#jump-latest'), false);
    });
    $('#jump-latest').addEventListener('click', () => {
      scrollToBottom();
      el.body.focus();
    });
    $('#conversation-members').addEventListener('click', () => emit('members:open', state.id));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && visible) markReadSoon();
    });
    on('stream:message', onMessage);
    on('stream:delivery', onDelivery);
    on('stream:reset', onReset);
    on('stream:state', (s) => {
      liveStream = s === 'live';
    });
    on('stream:open', (resumed) => {
      if (!resumed && visible && state.id) catchUp().catch(() => {});
    });
    on('chats:changed', () => {
      if (visible && state.id && !state.titled && chats.get(state.id)) renderHeader();
    });
    on('group:changed', (id) => {
      if (visible && id === state.id) renderHeader();
    });
    // added to or removed from the open group elsewhere: the header says where one stands
    on('stream:conversation', (change) => {
      if (visible && change.conversationId === state.id) renderHeader();
    });
  },
};
