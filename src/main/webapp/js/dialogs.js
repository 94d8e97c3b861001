// The page's dialogs: a new message (to people or a group), a new group, a group's members, the
// snooze time and the confirmation before deleting. Native <dialog>: modal, Escape closes it,
// focus stays inside while it is open and returns to the opener afterwards.

import { api } from './api.js';
import { session } from './auth.js';
import { chats } from './chats.js';
import { conversation } from './conversation.js';
import { $, $$, h, show } from './dom.js';
import { emit, on } from './events.js';
import { userList } from './format.js';
import { clearErrors, showError } from './forms.js';
import { conversationPath, navigate } from './router.js';

function wireClose(dialog) {
  for (const button of $$('[data-close]', dialog)) {
    button.addEventListener('click', () => dialog.close('cancel'));
  }
}

function busy(form, on) {
  for (const button of $$('button', form)) button.disabled = on;
}

// ---- new message -------------------------------------------------------------------------------

function composeTarget() {
  return $('#compose-form').elements.target.value;
}

function showComposeTarget() {
  const target = composeTarget();
  for (const field of $$('#compose-form [data-target]')) show(field, field.dataset.target === target);
}

export function openCompose({ to = '', group = null } = {}) {
  const dialog = $('#dialog-compose');
  const form = $('#compose-form');
  form.reset();
  clearErrors(form);
  const groups = chats.groups();
  $('#compose-group').replaceChildren(
    ...groups.map((g) => h('option', { value: g.conversationId }, g.title || g.conversationId)),
  );
  form.querySelector('input[value="group"]').disabled = groups.length === 0;
  if (group) {
    form.elements.target.value = 'group';
    $('#compose-group').value = group;
  }
  $('#compose-to').value = to;
  showComposeTarget();
  dialog.showModal();
  (group ? $('#compose-body') : $('#compose-to')).focus();
}

async function sendCompose(event) {
  event.preventDefault();
  const form = $('#compose-form');
  clearErrors(form);
  const body = { body: $('#compose-body').value };
  const subject = $('#compose-subject').value.trim();
  if (subject) body.subject = subject;
  if (composeTarget() === 'group') body.conversationId = $('#compose-group').value;
  else body.to = userList($('#compose-to').value);
  busy(form, true);
  try {
    const receipt = await api('messages', { method: 'POST', body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    $('#dialog-compose').close('sent');
    chats.reloadSoon();
    navigate(conversationPath(receipt.conversationId));
    conversation.expect(receipt.conversationId, receipt, body.body, body.subject);
  } catch (e) {
    showError(form, e);
  } finally {
    busy(form, false);
  }
}

// ---- new group ---------------------------------------------------------------------------------

export function openNewGroup() {
  const form = $('#group-form');
  form.reset();
  clearErrors(form);
  $('#dialog-group').showModal();
  $('#group-title').focus();
}

async function createGroup(event) {
  event.preventDefault();
  const form = $('#group-form');
  clearErrors(form);
  busy(form, true);
  try {
    const group = await api('conversations', {
      method: 'POST',
      body: { title: $('#group-title').value, members: userList($('#group-members').value) },
    });
    $('#dialog-group').close('created');
    await chats.load().catch(() => {});
    navigate(conversationPath(group.id));
  } catch (e) {
    showError(form, e);
  } finally {
    busy(form, false);
  }
}

// ---- members -----------------------------------------------------------------------------------

let membersOf = null;

function renderMembers(group) {
  $('#members-heading').textContent = `Members of ${group.title}`;
  $('#members-list').replaceChildren(...group.members.map((user) => h(
    'li',
    {},
    h('span', {}, user === session.user ? `${user} (you)` : user),
    user === session.user
      ? null
      : h('button', { type: 'button', class: 'ghost small danger', dataset: { remove: user }, 'aria-label': `Remove ${user}` }, 'Remove'),
  )));
}

async function openMembers(id) {
  membersOf = id;
  const dialog = $('#dialog-members');
  const box = $('.dialog-body', dialog);
  clearErrors(box);
  $('#members-user').value = '';
  $('#members-list').replaceChildren();
  dialog.showModal();
  try {
    renderMembers(await api(`conversations/${encodeURIComponent(id)}`));
  } catch (e) {
    showError(box, e);
  }
  $('#members-user').focus();
}

async function addMember(event) {
  event.preventDefault();
  const form = $('#members-add');
  const box = $('#dialog-members .dialog-body');
  clearErrors(box);
  try {
    const group = await api(`conversations/${encodeURIComponent(membersOf)}/members`, {
      method: 'POST',
      body: { user: $('#members-user').value.trim() },
    });
    $('#members-user').value = '';
    renderMembers(group);
    emit('group:changed', membersOf);
  } catch (e) {
    showError(e.errors.length ? form : box, e);
  }
}

async function removeMember(user) {
  const box = $('#dialog-members .dialog-body');
  clearErrors(box);
  try {
    await api(`conversations/${encodeURIComponent(membersOf)}/members/${encodeURIComponent(user)}`, { method: 'DELETE' });
    if (user === session.user) {
      $('#dialog-members').close('left');
      await chats.load().catch(() => {});
      navigate('/');
      return;
    }
    renderMembers(await api(`conversations/${encodeURIComponent(membersOf)}`));
    emit('group:changed', membersOf);
  } catch (e) {
    showError(box, e);
  }
}

// ---- snooze and confirm ------------------------------------------------------------------------

/** The ISO instant for a quick choice: in an hour, tomorrow 09:00, next Monday 09:00 (local). */
export function snoozeChoice(choice, now = new Date()) {
  const at = new Date(now);
  if (choice === '1h') return new Date(now.getTime() + 3_600_000);
  at.setHours(9, 0, 0, 0);
  if (choice === 'tomorrow') at.setDate(at.getDate() + 1);
  if (choice === 'week') at.setDate(at.getDate() + (((8 - at.getDay()) % 7) || 7));
  return at;
}

/**
 * Asks when to snooze and calls `snooze(isoInstant)` until it succeeds or the user cancels;
 * answers the instant, or null when cancelled. Errors stay in the dialog, next to the time.
 */
export function askSnoozeUntil(snooze) {
  const dialog = $('#dialog-snooze');
  const form = $('#snooze-form');
  form.reset();
  clearErrors(form);
  return new Promise((resolve) => {
    const attempt = async (date) => {
      clearErrors(form);
      if (!date || Number.isNaN(date.getTime())) {
        showError(form, new Error('Pick a date and time.'));
        return;
      }
      const iso = date.toISOString();
      try {
        await snooze(iso);
        finish(iso);
      } catch (e) {
        showError(form, e);
      }
    };
    const onChoice = (event) => {
      const choice = event.target.closest('[data-snooze]');
      if (choice) attempt(snoozeChoice(choice.dataset.snooze));
    };
    const onSubmit = (event) => {
      event.preventDefault();
      attempt($('#snooze-at').value ? new Date($('#snooze-at').value) : null);
    };
    const onClose = () => finish(null);
    function finish(result) {
      form.removeEventListener('click', onChoice);
      form.removeEventListener('submit', onSubmit);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      resolve(result);
    }
    form.addEventListener('click', onChoice);
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
  });
}

/** A yes/no question before something final; answers true for yes. */
export function confirmDelete(text, { title = 'Delete message?', ok = 'Delete' } = {}) {
  const dialog = $('#dialog-confirm');
  $('#confirm-heading').textContent = title;
  $('#confirm-text').textContent = text;
  $('#confirm-ok').textContent = ok;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

export const dialogs = {
  start() {
    for (const dialog of $$('dialog')) wireClose(dialog);
    $('#new-message').addEventListener('click', () => openCompose());
    $('#new-group').addEventListener('click', openNewGroup);
    $('#compose-form').addEventListener('change', (event) => {
      if (event.target.name === 'target') showComposeTarget();
    });
    $('#compose-form').addEventListener('submit', sendCompose);
    $('#group-form').addEventListener('submit', createGroup);
    $('#members-add').addEventListener('submit', addMember);
    $('#members-list').addEventListener('click', (event) => {
      const button = event.target.closest('[data-remove]');
      if (button) removeMember(button.dataset.remove);
    });
    $('#members-leave').addEventListener('click', async () => {
      if (await confirmDelete('You will no longer get this group’s messages.', { title: 'Leave the group?', ok: 'Leave' })) {
        removeMember(session.user);
      }
    });
    on('members:open', openMembers);
  },
};
