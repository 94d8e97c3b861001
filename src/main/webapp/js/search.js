// Full-text search over the user's messages, best match first (English by word stem; Korean,
// Japanese and Chinese inside words). The query lives in the address (/search?q=…), so a search
// can be reloaded, shared with oneself, and gone back to.

import { api, query } from './api.js';
import { session } from './auth.js';
import { $, avatar, h, highlighted, show } from './dom.js';
import { fullTime, plural, shortTime } from './format.js';
import { clearErrors, showError } from './forms.js';
import { conversationPath, messagePath, navigate } from './router.js';

const PAGE = 20;
let q = '';
let nextCursor = null;
let generation = 0;
let count = 0;

function renderResult(m) {
  const own = m.sender === session.user;
  return h(
    'li',
    { class: 'result' },
    avatar(m.sender),
    h('div', { class: 'result-main' },
      h('div', { class: 'result-top' },
        h('a', { class: 'result-open', href: messagePath(m.id) }, own ? `${m.sender} (you)` : m.sender,
          m.subject ? h('span', { class: 'result-subject' }, ` — ${m.subject}`) : null),
        h('time', { datetime: m.createdAt, title: fullTime(m.createdAt) }, shortTime(m.createdAt))),
      h('p', { class: 'result-body' }, highlighted(m.body, q)),
      h('a', { class: 'result-conversation small', href: conversationPath(m.conversationId) }, 'Open the conversation')),
  );
}

async function run(cursor) {
  const mine = cursor ? generation : ++generation;
  const form = $('#search-form');
  clearErrors(form);
  try {
    const page = await api(`messages/search${query({ q, limit: PAGE, cursor })}`);
    if (mine !== generation) return;
    const list = $('#search-results');
    if (!cursor) {
      list.replaceChildren();
      count = 0;
    }
    list.append(...page.items.map(renderResult));
    count += page.items.length;
    nextCursor = page.nextCursor || null;
    show($('#search-more'), Boolean(nextCursor));
    $('#search-summary').textContent = count === 0
      ? `No messages match “${q}”.`
      : `${plural(count, 'message')} ${count === 1 ? 'matches' : 'match'} “${q}”${nextCursor ? ' so far' : ''}.`;
  } catch (e) {
    if (mine === generation) showError(form, e);
  }
}

export const search = {
  show(route) {
    const input = $('#search-q');
    if (route.q === q && route.q) {
      input.value = q;
      return;
    }
    q = route.q;
    input.value = q;
    $('#search-results').replaceChildren();
    $('#search-summary').textContent = '';
    show($('#search-more'), false);
    if (q) run(null);
    else input.focus();
  },

  hide() {},

  start() {
    $('#search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('#search-q').value.trim();
      if (!text) {
        showError($('#search-form'), new Error('Type something to search for.'));
        return;
      }
      if (text === q) {
        run(null);
        return;
      }
      navigate(`/search${query({ q: text })}`);
    });
    $('#search-more').addEventListener('click', () => run(nextCursor));
  },
};
