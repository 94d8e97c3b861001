// The page's addresses (the server answers each with this same page, see dev.herald.web):
//   /                   chats          /c/{conversationId}   a conversation
//   /inbox?filter=…     the inbox      /search?q=…           search
//   /settings           preferences    /messages/{id}        one message (alert emails link here)

const routes = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/c\/([^/]+)$/, (m) => ({ name: 'conversation', id: decodeURIComponent(m[1]) })],
  [/^\/inbox$/, (m, params) => ({ name: 'inbox', filter: params.get('filter') || 'all' })],
  [/^\/search$/, (m, params) => ({ name: 'search', q: params.get('q') || '' })],
  [/^\/settings$/, () => ({ name: 'settings' })],
  [/^\/messages\/([^/]+)$/, (m) => ({ name: 'message', id: decodeURIComponent(m[1]) })],
];

/** The route an address names: {name, ...parameters}; `notfound` for anything else. */
export function match(pathname, search = '') {
  const params = new URLSearchParams(search);
  for (const [pattern, build] of routes) {
    const m = pattern.exec(pathname);
    if (m) return build(m, params);
  }
  return { name: 'notfound' };
}

export function conversationPath(id) {
  return `/c/${encodeURIComponent(id)}`;
}

export function messagePath(id) {
  return `/messages/${encodeURIComponent(id)}`;
}

let render = () => {};

/** Shows the page for the current address now and after every navigation. */
export function startRouter(onRoute) {
  render = onRoute;
  window.addEventListener('popstate', () => render(current()));
  document.addEventListener('click', followLink);
  render(current());
}

export function current() {
  return match(window.location.pathname, window.location.search);
}

export function navigate(path, { replace = false } = {}) {
  const here = window.location.pathname + window.location.search;
  if (path !== here) {
    if (replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
  }
  render(current());
}

/** Same-page links are followed without reloading; modified clicks open tabs as usual. */
function followLink(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
