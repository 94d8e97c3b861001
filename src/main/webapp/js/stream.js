// The live stream (GET /api/stream, Server-Sent Events) read with fetch, because EventSource
// cannot send the Authorization header. It keeps the last event id and reconnects after drops
// with backoff and Last-Event-ID, so nothing is missed and nothing repeats; a token that ran out
// ends the stream ("expired") and is renewed before reconnecting.

import { SseParser } from './sse.js';

const MAX_BACKOFF_MS = 30_000;
const SILENCE_MS = 45_000; // three missed heartbeats: the connection is dead even if TCP says not
const UNAVAILABLE_MS = 60_000; // the server has no stream at all (404): look again now and then

/** The delay before reconnect attempt `attempt` (0-based): exponential with jitter, capped. */
export function backoff(attempt, baseMs, random = Math.random) {
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(attempt, 10));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export class LiveStream {
  /**
   * @param {object} options
   * @param {() => Promise<string|null>} options.token the current bearer token
   * @param {() => Promise<void>} options.renew gets a new token (throws when it cannot)
   * @param {(type: string, data: object, id: string) => void} options.onEvent
   * @param {(state: string, detail?: object) => void} options.onState connecting, live,
   *     reconnecting, unavailable, stopped
   * @param {(resumed: boolean) => void} options.onOpen a connection was answered 200; resumed
   *     when it continued from a Last-Event-ID
   */
  constructor({ token, renew, onEvent, onState = () => {}, onOpen = () => {}, url = '/api/stream' }) {
    Object.assign(this, { token, renew, onEvent, onState, onOpen, url });
    this.lastEventId = null;
    this.retryMs = 3000;
    this.attempt = 0;
    this.running = false;
    this.controller = null;
    this.timer = null;
    this.onOnline = () => this.reconnectNow();
  }

  start() {
    if (this.running) return;
    this.running = true;
    window.addEventListener('online', this.onOnline);
    this.connect();
  }

  stop() {
    this.running = false;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
    this.controller?.abort();
    this.onState('stopped');
  }

  /** Drops the current connection (if any) and connects again at once. */
  reconnectNow() {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.controller?.abort();
    this.connect();
  }

  schedule(delayMs, state, detail) {
    if (!this.running) return;
    this.onState(state, { ...detail, inMs: delayMs });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delayMs);
  }

  async connect() {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.onState(this.attempt === 0 && this.lastEventId === null ? 'connecting' : 'reconnecting');
    let response;
    try {
      const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${await this.token()}` };
      if (this.lastEventId !== null) headers['Last-Event-ID'] = this.lastEventId;
      response = await fetch(this.url, { headers, signal: controller.signal, cache: 'no-store' });
    } catch {
      // stopped, or replaced by a newer connection (reconnectNow): that one goes on alone
      if (!this.running || this.controller !== controller) return;
      this.retryLater();
      return;
    }
    if (this.controller !== controller) {
      response.body?.cancel().catch(() => {});
      return;
    }
    if (response.status === 200) {
      await this.read(response, controller);
      return;
    }
    await this.refused(response);
  }

  async refused(response) {
    const retryAfter = Number(response.headers.get('Retry-After')) * 1000;
    response.body?.cancel().catch(() => {});
    if (response.status === 401) {
      try {
        await this.renew();
        this.attempt++;
        this.schedule(this.attempt === 1 ? 0 : backoff(this.attempt, this.retryMs), 'reconnecting');
      } catch {
        this.running = false;
        this.onState('stopped', { reason: 'unauthenticated' });
      }
      return;
    }
    if (response.status === 404) {
      this.schedule(UNAVAILABLE_MS, 'unavailable');
      return;
    }
    // 429 too many streams, 503 streams unavailable, anything else: later, politely
    this.retryLater(retryAfter > 0 ? retryAfter : undefined, { status: response.status });
  }

  retryLater(atLeastMs = 0, detail = {}) {
    const delay = Math.max(atLeastMs, backoff(this.attempt, this.retryMs));
    this.attempt++;
    this.schedule(delay, 'reconnecting', detail);
  }

  async read(response, controller) {
    const resumed = this.lastEventId !== null;
    let expired = false;
    let silence = null;
    const watchdog = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_MS);
    };
    const parser = new SseParser({
      onRetry: (ms) => {
        this.retryMs = Math.max(500, ms);
      },
      onEvent: ({ type, data, id }) => {
        if (id) this.lastEventId = id;
        if (type === 'expired') {
          expired = true;
          return;
        }
        let payload = {};
        try {
          payload = data ? JSON.parse(data) : {};
        } catch {
          return; // not ours to understand; the id still counts
        }
        this.onEvent(type, payload, id);
      },
    });
    this.onState('live');
    this.onOpen(resumed);
    watchdog();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        watchdog();
        this.attempt = 0;
        parser.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // aborted or dropped: reconnect below
    } finally {
      clearTimeout(silence);
      parser.end();
    }
    if (!this.running || this.controller !== controller) return;
    if (expired) {
      try {
        await this.renew();
        this.attempt = 0;
        this.schedule(0, 'reconnecting');
      } catch {
        this.running = false;
        this.onState('stopped', { reason: 'unauthenticated' });
      }
      return;
    }
    this.retryLater();
  }
}
