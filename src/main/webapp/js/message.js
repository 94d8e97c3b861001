// One message on its own page (/messages/{id}): where the link in an alert email lands. Opening
// it reads it (for a recipient); from here it can be marked unread again, archived or deleted.

import { api } from './api.js';
import { session } from './auth.js';
import { $, show } from './dom.js';
import { emit } from './events.js';
import { fullTime } from './format.js';
import { showLine } from './forms.js';
import { confirmDelete } from './dialogs.js';
import { conversationPath, navigate } from './router.js';

let current = null;
let generation = 0;

function status(text) {
  $('#message-status').textContent = text;
}

async function act(action, done) {
  showLine($('#message-error'), null);
  try {
    await api(`inbox/${encodeURIComponent(current.id)}/${action}`, { method: 'POST' });
    emit('inbox:changed');
    done();
  } catch (e) {
    showLine($('#message-error'), e);
  }
}

export const message = {
  async show(route) {
    const mine = ++generation;
    current = null;
    showLine($('#message-error'), null);
    show($('#message-card'), false);
    status('');
    $('#message-subject').textContent = 'Message';
    $('#message-meta').textContent = '';
    let m;
    try {
      m = await api(`messages/${encodeURIComponent(route.id)}`);
    } catch (e) {
      if (mine !== generation) return;
      $('#message-subject').textContent = e.status === 404 ? 'Message not found' : 'Message';
      showLine($('#message-error'), e.status === 404
        ? new Error('This message does not exist, was deleted for you, or was not sent to you.')
        : e);
      return;
    }
    if (mine !== generation) return;
    current = m;
    const received = m.sender !== session.user;
    $('#message-subject').textContent = m.subject || '(no subject)';
    $('#message-meta').textContent = `${received ? `From ${m.sender}` : 'Sent by you'} · ${fullTime(m.createdAt)}`;
    $('#message-from').textContent = received ? m.sender : `${m.sender} (you)`;
    $('#message-to').textContent = (m.to || []).map((u) => (u === session.user ? `${u} (you)` : u)).join(', ');
    $('#message-time').textContent = fullTime(m.createdAt);
    $('#message-body').textContent = m.body;
    $('#message-open-conversation').href = conversationPath(m.conversationId);
    const recipient = (m.to || []).includes(session.user);
    show($('#message-unread'), recipient);
    show($('#message-archive'), recipient);
    show($('#message-delete'), recipient);
    show($('#message-card'), true);
    if (recipient) {
      // the email's link was followed: the message is read now
      api(`inbox/${encodeURIComponent(m.id)}/read`, { method: 'POST' })
        .then(() => emit('inbox:changed'))
        .catch((e) => status(`Not marked read: ${e.words || e.message}`));
    }
  },

  hide() {
    generation++;
  },

  start() {
    $('#message-unread').addEventListener('click', () => act('unread', () => status('Marked unread.')));
    $('#message-archive').addEventListener('click', () => act('archive', () => status('Archived.')));
    $('#message-delete').addEventListener('click', async () => {
      if (!(await confirmDelete('Delete this message for you? This cannot be undone.'))) return;
      act('delete', () => navigate('/inbox'));
    });
  },
};
