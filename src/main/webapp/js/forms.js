// Showing a failed request next to the control it concerns: the problem's errors[].field names a
// field ("to[2]", "quietHours.start"); the form marks it with data-error-for. What no control
// claims goes to the form's own error line, in words.

import { ApiError } from './api.js';

function errorSlots(form) {
  return [...form.querySelectorAll('[data-error-for]')];
}

export function clearErrors(form) {
  for (const slot of errorSlots(form)) {
    slot.textContent = '';
    slot.hidden = true;
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
  }
}

/** The slot for a field: its exact name, else without indexes, else its parents ("a.b" → "a"). */
function slotFor(form, field) {
  const candidates = [field, field.replace(/\[\d+\]/g, '')];
  for (let name = candidates[1]; name.includes('.'); ) {
    name = name.slice(0, name.lastIndexOf('.'));
    candidates.push(name);
  }
  for (const name of candidates) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) return slot;
  }
  return null;
}

function put(slot, text) {
  slot.textContent = slot.hidden || !slot.textContent ? text : `${slot.textContent} ${text}`;
  slot.hidden = false;
  const control = slot.closest('.field, fieldset, form')?.querySelector('input, select, textarea');
  if (control && slot.dataset.errorFor !== 'form') {
    control.setAttribute('aria-invalid', 'true');
    if (!slot.id) slot.id = `error-${Math.random().toString(36).slice(2)}`;
    const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    described.add(slot.id);
    control.setAttribute('aria-describedby', [...described].join(' '));
  }
}

const FIELD_WORDS = {
  to: 'Recipients',
  body: 'The message',
  subject: 'The subject',
  title: 'The name',
  members: 'Members',
  user: 'The user name',
  q: 'The search',
  email: 'The email address',
  phone: 'The phone number',
  channels: 'Channels',
  digestMinutes: 'The digest',
  conversationId: 'The conversation',
  until: 'The time',
};

/** "to[1]" → "Recipient 2", "quietHours.start" → "Start": the field as a person calls it. */
function fieldWords(field) {
  const base = field.replace(/\[\d+\]/g, '');
  const index = /\[(\d+)\]/.exec(field);
  const last = base.split('.').pop();
  const words = FIELD_WORDS[last] || last.charAt(0).toUpperCase() + last.slice(1).replace(/([A-Z])/g, ' $1').toLowerCase();
  return index ? `${words} (no. ${Number(index[1]) + 1})` : words;
}

/** Shows `error` in `form`: per-field details beside their controls, the rest at the form. */
export function showError(form, error) {
  clearErrors(form);
  const formSlot = form.querySelector('[data-error-for="form"]');
  if (error instanceof ApiError && error.errors.length > 0) {
    let unclaimed = false;
    for (const { field, detail } of error.errors) {
      const slot = slotFor(form, field);
      if (slot && slot !== formSlot) put(slot, `${fieldWords(field)} ${detail}.`);
      else unclaimed = true;
    }
    if (unclaimed && formSlot) put(formSlot, error.words);
    const first = form.querySelector('[aria-invalid="true"]');
    first?.focus();
    return;
  }
  const text = error instanceof ApiError ? error.words : error.message || String(error);
  const slot = formSlot || errorSlots(form)[0];
  if (slot) put(slot, text);
}

/** A message in one error line (not a form): shown, or hidden when `error` is null. */
export function showLine(el, error) {
  if (!error) {
    el.textContent = '';
    el.hidden = true;
    return;
  }
  el.textContent = error instanceof ApiError ? error.words : error.message || String(error);
  el.hidden = false;
}
