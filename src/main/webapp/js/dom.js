// Building DOM from data. User text only ever becomes Text nodes or attribute values: nothing here
// parses HTML, so a message body like <img src=x onerror=…> shows as exactly those characters.

/** An element with properties and children; strings become text nodes, never markup. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

export function show(el, visible = true) {
  el.hidden = !visible;
}

/** Text with every case-insensitive occurrence of `term` wrapped in <mark>, built as nodes. */
export function highlighted(text, term) {
  const needle = (term || '').trim().toLowerCase();
  if (!needle) return [text];
  const parts = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(h('mark', {}, text.slice(at, at + needle.length)));
    from = at + needle.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/** A round avatar with the initials of `name` and a colour derived from it. */
export function avatar(name, extraClass = '') {
  const label = (name || '?').trim();
  const letters = initials(label);
  const el = h('span', { class: `avatar ${extraClass}`.trim(), 'aria-hidden': 'true' }, letters);
  el.dataset.hue = String(hue(label));
  return el;
}

export function paintAvatar(el, name) {
  el.textContent = initials(name || '?');
  el.dataset.hue = String(hue(name || '?'));
}

function initials(name) {
  const words = name.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '#';
  const first = [...words[0]][0] || '';
  const second = words.length > 1 ? [...words[1]][0] || '' : [...words[0]][1] || '';
  return (first + second).toUpperCase();
}

/** One of 12 hues, stable per name (the CSS maps data-hue to colours). */
function hue(name) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return hash % 12;
}

/** Says `text` to screen readers through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  const line = h('p', {}, text);
  region.append(line);
  // keep the region short; the words have been queued for speech already
  while (region.childElementCount > 5) region.firstElementChild.remove();
}
