// The page's own event bus: the stream, the views and the badges talk through it, so no module
// needs to know which others are listening.

const bus = new EventTarget();

export function emit(type, detail) {
  bus.dispatchEvent(new CustomEvent(type, { detail }));
}

export function on(type, listener) {
  const wrapped = (event) => listener(event.detail);
  bus.addEventListener(type, wrapped);
  return () => bus.removeEventListener(type, wrapped);
}
