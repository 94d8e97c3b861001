// The inbox: messages delivered to the user, newest first, filtered (all, unread, snoozed,
// archived), with read/unread, archive, snooze and delete per message and "mark all read". Listing
// marks the listed messages seen (the API's rule); live events change rows in place.

import { api, query } from './api.js';
import { session } from './auth.js';
import { $, avatar, h, show } from './dom.js';
import { emit, on } from './events.js';
import { fullTime, shortTime, snippet } from './format.js';
import { showLine } from './forms.js';
import { confirmDelete, askSnoozeUntil } from './dialogs.js';
import { messagePath } from './router.js';

const PAGE = 25;
const FILTERS = {
  all: {},
  unread: { read: false },
  snoozed: { snoozed: true },
  archived: { archived: true },
};
const EMPTY = {
  all: 'Nothing in your inbox. New messages will show up here.',
  unread: 'All caught up: no unread messages.',
  snoozed: 'Nothing snoozed.',
  archived: 'Nothing archived.',
};

let filter = 'all';
let visible = false;
let items = new Map(); // messageId -> inbox item
let nextCursor = null;
let generation = 0;
let reloadTimer = null;

function snoozedNow(item) {
  return Boolean(item.snoozedUntil) && new Date(item.snoozedUntil) > new Date();
}

/** Whether an item belongs in the list under the current filter (after a change to it). */
function matches(item) {
  switch (filter) {
    case 'unread': return !item.readAt && !item.archivedAt && !snoozedNow(item);
    case 'snoozed': return snoozedNow(item);
    case 'archived': return Boolean(item.archivedAt);
    default: return !item.archivedAt && !snoozedNow(item);
  }
}

function stateChips(item) {
  const chips = [];
  if (snoozedNow(item)) chips.push(h('span', { class: 'chip' }, `Snoozed until ${fullTime(item.snoozedUntil)}`));
  if (item.archivedAt) chips.push(h('span', { class: 'chip' }, 'Archived'));
  return chips;
}

function actionButton(label, action, item, extra = '') {
  return h('button', {
    type: 'button',
    class: `ghost small ${extra}`.trim(),
    dataset: { action, id: item.messageId },
  }, label);
}

function renderItem(item) {
  const unread = !item.readAt;
  const label = `${item.sender}${item.subject ? `: ${item.subject}` : ''}`;
  return h(
    'li',
    { class: `inbox-item${unread ? ' unread' : ''}`, dataset: { id: item.messageId } },
    h('a', { class: 'inbox-open', href: messagePath(item.messageId) },
      avatar(item.sender),
      h('span', { class: 'inbox-main' },
        h('span', { class: 'inbox-top' },
          unread ? h('span', { class: 'dot', title: 'Unread' }, h('span', { class: 'visually-hidden' }, 'Unread: ')) : null,
          h('span', { class: 'inbox-sender' }, item.sender),
          h('time', { class: 'inbox-time', datetime: item.createdAt, title: fullTime(item.createdAt) }, shortTime(item.createdAt))),
        item.subject ? h('span', { class: 'inbox-subject' }, item.subject) : null,
        h('span', { class: 'inbox-snippet' }, snippet(item.body, 160)),
        h('span', { class: 'chips' }, stateChips(item)))),
    h('div', { class: 'inbox-actions', role: 'group', 'aria-label': `Actions for ${label}` },
      unread ? actionButton('Mark read', 'read', item) : actionButton('Mark unread', 'unread', item),
      item.archivedAt ? actionButton('Unarchive', 'unarchive', item) : actionButton('Archive', 'archive', item),
      snoozedNow(item) ? actionButton('Unsnooze', 'unsnooze', item) : actionButton('Snooze', 'snooze', item),
      actionButton('Delete', 'delete', item, 'danger')),
  );
}

function render() {
  const list = $('#inbox-list');
  list.replaceChildren(...[...items.values()].map(renderItem));
  const empty = $('#inbox-empty');
  empty.textContent = EMPTY[filter];
  show(empty, items.size === 0);
  show($('#inbox-more'), Boolean(nextCursor));
  for (const link of document.querySelectorAll('#view-inbox [data-filter]')) {
    if (link.dataset.filter === filter) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function load() {
  const mine = ++generation;
  showLine($('#inbox-error'), null);
  const page = await api(`inbox${query({ ...FILTERS[filter], limit: PAGE })}`);
  if (mine !== generation) return;
  items = new Map(page.items.map((item) => [item.messageId, item]));
  nextCursor = page.nextCursor || null;
  render();
}

async function more() {
  if (!nextCursor) return;
  const mine = generation;
  const page = await api(`inbox${query({ ...FILTERS[filter], limit: PAGE, cursor: nextCursor })}`);
  if (mine !== generation) return;
  for (const item of page.items) items.set(item.messageId, item);
  nextCursor = page.nextCursor || null;
  render();
}

function reloadSoon() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    if (visible) load().catch((e) => showLine($('#inbox-error'), e));
  }, 150);
}

/** Applies a state the server now holds to the row, removing it when the filter no longer fits. */
function apply(id, change) {
  const item = items.get(id);
  if (!item) return;
  Object.assign(item, change);
  if (change.deleted || !matches(item)) items.delete(id);
  render();
}

const ACTIONS = {
  read: () => ({ readAt: new Date().toISOString() }),
  unread: () => ({ readAt: null }),
  archive: () => ({ archivedAt: new Date().toISOString() }),
  unarchive: () => ({ archivedAt: null }),
  unsnooze: () => ({ snoozedUntil: null }),
  delete: () => ({ deleted: true }),
};

async function act(action, id) {
  const item = items.get(id);
  if (!item) return;
  try {
    if (action === 'snooze') {
      const until = await askSnoozeUntil(async (at) => {
        await api(`inbox/${encodeURIComponent(id)}/snooze`, { method: 'POST', body: { until: at } });
      });
      if (until) apply(id, { snoozedUntil: until });
    } else {
      if (action === 'delete' && !(await confirmDelete(`Delete the message from ${item.sender} for you? This cannot be undone.`))) return;
      await api(`inbox/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
      apply(id, ACTIONS[action]());
    }
    emit('inbox:changed');
  } catch (e) {
    showLine($('#inbox-error'), e);
  }
}

function onMessage(item) {
  if (!visible || item.sender === session.user || items.has(item.messageId)) return;
  if (!matches(item)) return;
  items = new Map([[item.messageId, item], ...items]);
  render();
}

function onDelivery(change) {
  if (!visible) return;
  if (change.bulk) {
    reloadSoon();
    return;
  }
  if (!items.has(change.messageId)) {
    reloadSoon(); // it may belong here now (unarchived, unsnoozed elsewhere)
    return;
  }
  apply(change.messageId, {
    readAt: change.readAt ?? null,
    seenAt: change.seenAt ?? null,
    archivedAt: change.archivedAt ?? null,
    snoozedUntil: change.snoozedUntil ?? null,
    deleted: Boolean(change.deleted),
  });
}

export const inbox = {
  show(route) {
    visible = true;
    filter = FILTERS[route.filter] ? route.filter : 'all';
    items = new Map();
    nextCursor = null;
    render();
    load().catch((e) => showLine($('#inbox-error'), e));
  },

  hide() {
    visible = false;
  },

  /** "3 unread · 12 in your inbox", from the counts the badge shows. */
  summarize(counts) {
    $('#inbox-summary').textContent = `${counts.unread} unread · ${counts.total} in your inbox`;
  },

  start() {
    $('#inbox-list').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (button) act(button.dataset.action, button.dataset.id);
    });
    $('#inbox-more').addEventListener('click', () => more().catch((e) => showLine($('#inbox-error'), e)));
    $('#inbox-read-all').addEventListener('click', async () => {
      try {
        await api('inbox/read-all', { method: 'POST' });
        emit('inbox:changed');
        await load();
      } catch (e) {
        showLine($('#inbox-error'), e);
      }
    });
    on('stream:message', onMessage);
    on('stream:delivery', onDelivery);
    on('stream:reset', reloadSoon);
  },
};
