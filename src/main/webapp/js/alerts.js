// The unread count everywhere it shows (tab title "(3) Herald", the Inbox badge), and the desktop
// alert of the original messenger: a browser notification for a message that arrives while the
// tab is hidden. Permission is asked only when the user presses "Enable desktop alerts".

import { api } from './api.js';
import { session } from './auth.js';
import { $, show } from './dom.js';
import { on } from './events.js';
import { snippet } from './format.js';
import { conversationPath, navigate } from './router.js';

let counts = { unread: 0, unseen: 0, total: 0 };
let refreshTimer = null;
// counts events seen: a refresh answered after one of them is older than what it painted
let countsEvents = 0;
let mutedIds = () => Promise.resolve([]);
const listeners = [];

function paint() {
  document.title = counts.unread > 0 ? `(${counts.unread}) Herald` : 'Herald';
  const badge = $('#inbox-badge');
  badge.replaceChildren(String(counts.unread));
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ' unread';
  badge.append(hidden);
  show(badge, counts.unread > 0);
  for (const listener of listeners) listener(counts);
}

async function refresh() {
  const before = countsEvents;
  try {
    const fetched = await api('inbox/counts');
    if (countsEvents !== before) return;
    counts = fetched;
    paint();
  } catch {
    // the next change or event tries again
  }
}

function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, 150);
}

function supported() {
  return 'Notification' in window;
}

function paintPermission() {
  const button = $('#enable-alerts');
  const note = $('#alerts-state');
  if (!supported()) {
    show(button, false);
    show(note, false);
    return;
  }
  show(button, Notification.permission === 'default');
  note.textContent = Notification.permission === 'denied' ? 'Desktop alerts blocked in the browser' : '';
  show(note, Notification.permission === 'denied');
}

async function askPermission() {
  if (!supported()) return;
  try {
    await Notification.requestPermission();
  } finally {
    paintPermission();
  }
}

async function notify(item) {
  if (!supported() || Notification.permission !== 'granted') return;
  if (document.visibilityState !== 'hidden') return;
  if (item.sender === session.user || item.readAt) return;
  if ((await mutedIds()).includes(item.conversationId)) return;
  const alert = new Notification(item.subject ? `${item.sender}: ${item.subject}` : item.sender, {
    body: snippet(item.body, 180),
    tag: item.messageId,
    icon: '/favicon.svg',
  });
  alert.addEventListener('click', () => {
    window.focus();
    navigate(conversationPath(item.conversationId));
    alert.close();
  });
}

export const alerts = {
  counts: () => counts,

  onCounts(listener) {
    listeners.push(listener);
  },

  refresh,

  useMuted(source) {
    mutedIds = source;
  },

  start() {
    $('#enable-alerts').addEventListener('click', askPermission);
    paintPermission();
    // allowed or blocked elsewhere (another tab, the browser's settings): the button follows
    navigator.permissions?.query({ name: 'notifications' })
      .then((status) => status.addEventListener('change', paintPermission))
      .catch(() => {});
    on('stream:counts', (c) => {
      // newer than any refresh still waiting or in flight
      countsEvents += 1;
      clearTimeout(refreshTimer);
      counts = { unread: c.unread ?? 0, unseen: c.unseen ?? 0, total: c.total ?? 0 };
      paint();
    });
    on('stream:message', (item) => {
      notify(item).catch(() => {});
    });
    on('stream:open', refreshSoon);
    on('stream:reset', refreshSoon);
    // the page's own changes move the badge at once, stream or not
    on('inbox:changed', refreshSoon);
    return refresh();
  },
};
