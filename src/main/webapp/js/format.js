// Times and short texts for display, in the browser's language and time zone.

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long', month: 'long', day: 'numeric', year: 'numeric',
});

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear()
    && a.getMonth() === b.getMonth()
    && a.getDate() === b.getDate();
}

/** "14:05" today, "Yesterday", else "Mar 3". */
export function shortTime(iso, now = new Date()) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  if (sameDay(at, now)) return timeOnly.format(at);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(at, yesterday)) return 'Yesterday';
  return dayMonth.format(at);
}

export function clockTime(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : timeOnly.format(at);
}

export function fullTime(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : full.format(at);
}

/** "Today", "Yesterday" or "Monday, March 3, 2026": the separators in a conversation. */
export function dayLabel(iso, now = new Date()) {
  const at = new Date(iso);
  if (sameDay(at, now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(at, yesterday)) return 'Yesterday';
  return longDay.format(at);
}

export function dayKey(iso) {
  const at = new Date(iso);
  return `${at.getFullYear()}-${at.getMonth()}-${at.getDate()}`;
}

/** The first line of `text`, at most `max` characters (by code point), with an ellipsis if cut. */
export function snippet(text, max = 90) {
  const line = String(text ?? '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const chars = [...line.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** User names typed into one field: split on commas, semicolons and white space, no repeats. */
export function userList(text) {
  return [...new Set(String(text ?? '').split(/[\s,;]+/).map((u) => u.trim()).filter(Boolean))];
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
