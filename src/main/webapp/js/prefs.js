// The notification preferences form (GET/PUT /api/me/preferences): channels, addresses, quiet
// hours, digest and muted conversations. The server checks every rule; its answer names each
// field to blame, and the message appears under that field. A saved email address or phone number
// gets alerts only once confirmed: "Send a code", then type in the code that arrived there.

import { api } from './api.js';
import { chats } from './chats.js';
import { $, $$, h, show } from './dom.js';
import { emit } from './events.js';
import { clearErrors, showError } from './forms.js';

let saved = null; // the preferences as last read or saved
const form = () => $('#prefs-form');

function localZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function fillZones() {
  const list = $('#time-zones');
  if (list.childElementCount > 0 || !Intl.supportedValuesOf) return;
  list.append(...Intl.supportedValuesOf('timeZone').map((zone) => h('option', { value: zone })));
}

async function mutedChoices(muted) {
  const box = $('#prefs-muted');
  const known = chats.all();
  const rows = await Promise.all(known.map(async (chat) => {
    const title = await chats.title(chat.conversationId).catch(() => chat.conversationId);
    return h('label', {},
      h('input', {
        type: 'checkbox',
        name: 'muted',
        value: chat.conversationId,
        checked: muted.includes(chat.conversationId),
      }),
      ` ${title}`);
  }));
  // muted conversations that are not in the chat list any more stay muted
  for (const id of muted.filter((m) => !known.some((c) => c.conversationId === m))) {
    rows.push(h('label', {}, h('input', { type: 'checkbox', name: 'muted', value: id, checked: true }), ` ${id}`));
  }
  box.replaceChildren(...rows);
  show($('#prefs-muted-empty'), rows.length === 0);
}

function quietToggled() {
  const on = $('#prefs-quiet').checked;
  for (const input of $$('.quiet-fields input')) input.disabled = !on;
  $('.quiet-fields').classList.toggle('disabled', !on);
}

async function fill(prefs) {
  const f = form();
  for (const box of $$('input[name="channels"]', f)) box.checked = prefs.channels.includes(box.value);
  $('#prefs-email').value = prefs.email || '';
  $('#prefs-phone').value = prefs.phone || '';
  $('#prefs-quiet').checked = Boolean(prefs.quietHours);
  $('#prefs-quiet-start').value = prefs.quietHours?.start || '22:00';
  $('#prefs-quiet-end').value = prefs.quietHours?.end || '07:00';
  $('#prefs-quiet-zone').value = prefs.quietHours?.timeZone || localZone();
  $('#prefs-digest').value = String(prefs.digestMinutes ?? 0);
  quietToggled();
  showVerification(prefs);
  await mutedChoices(prefs.mutedConversationIds || []);
}

const CONTACTS = ['email', 'phone'];

/** Under an address: its status, "Send a code", the code's field and "Confirm". */
function buildVerification(box) {
  const contact = box.dataset.contact;
  const id = `prefs-${contact}-code`;
  box.replaceChildren(
    h('p', { class: 'verify-status', role: 'status' }),
    h('div', { class: 'verify-steps' },
      h('button', { type: 'button', class: 'secondary', dataset: { sendCode: contact } }, 'Send a code'),
      h('label', { for: id, class: 'visually-hidden' }, box.dataset.codeLabel),
      h('input', {
        id,
        class: 'verify-code',
        inputmode: 'numeric',
        maxlength: 6,
        autocomplete: 'one-time-code',
        placeholder: '6-digit code',
      }),
      h('button', { type: 'button', dataset: { confirmCode: contact } }, 'Confirm')),
    h('p', { class: 'verify-message', role: 'alert' }));
}

/** Under each saved address: verified, or the steps to verify it. */
function showVerification(prefs) {
  for (const contact of CONTACTS) {
    const box = $(`#prefs-${contact}-verify`);
    const verified = Boolean(prefs[`${contact}Verified`]);
    show(box, Boolean(prefs[contact]));
    box.classList.toggle('verified', verified);
    $('.verify-status', box).textContent = verified
      ? 'Verified: alerts go here.'
      : 'Unverified — enter the code sent to it. No alerts go here until then.';
    show($('.verify-steps', box), !verified);
    $('.verify-message', box).textContent = '';
  }
}

async function sendCode(contact) {
  const message = $(`#prefs-${contact}-verify .verify-message`);
  try {
    await api(`me/preferences/${contact}/code`, { method: 'POST' });
    message.textContent = 'A code is on its way.';
    $(`#prefs-${contact}-code`).focus();
  } catch (e) {
    message.textContent = e.words;
  }
}

async function confirmCode(contact) {
  const input = $(`#prefs-${contact}-code`);
  try {
    const code = input.value.trim();
    saved = await api(`me/preferences/${contact}/confirmation`, { method: 'POST', body: { code } });
    input.value = '';
    showVerification(saved);
    emit('prefs:changed', saved);
  } catch (e) {
    $(`#prefs-${contact}-verify .verify-message`).textContent = e.words;
  }
}

/** The form as the API's document; blank optional fields are left out. */
function read() {
  const f = form();
  const prefs = {
    channels: $$('input[name="channels"]:checked', f).map((box) => box.value),
    mutedConversationIds: $$('input[name="muted"]:checked', f).map((box) => box.value),
  };
  const email = $('#prefs-email').value.trim();
  const phone = $('#prefs-phone').value.trim().replace(/[\s()-]/g, '');
  if (email) prefs.email = email;
  if (phone) prefs.phone = phone;
  if ($('#prefs-quiet').checked) {
    prefs.quietHours = {
      start: $('#prefs-quiet-start').value,
      end: $('#prefs-quiet-end').value,
      timeZone: $('#prefs-quiet-zone').value.trim(),
    };
  }
  const digest = $('#prefs-digest').value.trim();
  prefs.digestMinutes = digest === '' ? 0 : Number(digest);
  return prefs;
}

async function save(event) {
  event.preventDefault();
  const f = form();
  clearErrors(f);
  $('#prefs-saved').textContent = '';
  const button = $('button[type="submit"]', f);
  button.disabled = true;
  try {
    saved = await api('me/preferences', { method: 'PUT', body: read() });
    await fill(saved);
    $('#prefs-saved').textContent = 'Saved.';
    emit('prefs:changed', saved);
  } catch (e) {
    showError(f, e);
  } finally {
    button.disabled = false;
  }
}

export const prefs = {
  async show() {
    fillZones();
    clearErrors(form());
    $('#prefs-saved').textContent = '';
    try {
      saved = await api('me/preferences');
      await fill(saved);
    } catch (e) {
      showError(form(), e);
    }
  },

  hide() {},

  /** The conversations muted in the saved preferences (no desktop alerts for them either). */
  async muted() {
    if (!saved) saved = await api('me/preferences').catch(() => null);
    return saved?.mutedConversationIds || [];
  },

  start() {
    for (const box of $$('.verify[data-contact]', form())) buildVerification(box);
    form().addEventListener('submit', save);
    form().addEventListener('click', (event) => {
      const send = event.target.closest('[data-send-code]');
      const confirm = event.target.closest('[data-confirm-code]');
      if (send) sendCode(send.dataset.sendCode);
      if (confirm) confirmCode(confirm.dataset.confirmCode);
    });
    $('#prefs-quiet').addEventListener('change', quietToggled);
  },
};
