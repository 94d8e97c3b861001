// A Server-Sent Events parser (the WHATWG "event stream interpretation"), fed with text chunks as
// they arrive from fetch(): chunks may end anywhere, even between the CR and LF of one line break.
// EventSource cannot send an Authorization header, so the stream client reads the body itself.

export class SseParser {
  /**
   * @param {object} handlers
   * @param {(event: {type: string, data: string, id: string}) => void} handlers.onEvent
   * @param {(ms: number) => void} [handlers.onRetry] a `retry:` field with a valid number
   * @param {(text: string) => void} [handlers.onComment] a comment line (heartbeats: ": ping")
   */
  constructor({ onEvent, onRetry = () => {}, onComment = () => {} }) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
    this.onComment = onComment;
    this.buffer = '';
    this.afterCR = false;
    this.started = false;
    this.type = '';
    this.data = [];
    this.lastEventId = '';
  }

  /** Feeds decoded text; complete lines are interpreted at once, the rest waits for more. */
  push(text) {
    let chunk = text;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.afterCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.afterCR = false;
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(this.buffer.slice(start, i));
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.afterCR = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** The stream ended: an event without its closing blank line is discarded, as the spec says. */
  end() {
    this.buffer = '';
    this.type = '';
    this.data = [];
  }

  line(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.onRetry(Number(value));
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  dispatch() {
    const type = this.type || 'message';
    const { data } = this;
    this.type = '';
    this.data = [];
    if (data.length === 0) return;
    this.onEvent({ type, data: data.join('\n'), id: this.lastEventId });
  }
}
