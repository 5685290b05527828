// The live stream (GET api/events/stream, Server-Sent Events) read with fetch(), because EventSource cannot
// send the Authorization header. After a disconnect it reconnects with Last-Event-ID, so the hub replays what
// was committed meanwhile: no gap, no repeat. Waits between attempts grow (with jitter) up to half a minute.

import { authorized, hubUrl, reportUnauthorized } from './api.js';

const MAX_WAIT = 30_000;
const SILENCE = 45_000; // the hub sends a keep-alive comment every 15 s: this much silence means a dead connection

/**
 * Follows the stream until stop(). Listeners: onEvent({id, type, data}), onState(state, detail) with state
 * 'connecting', 'live', 'waiting' (detail: seconds until the next attempt), 'failed' (detail: reason; no retry),
 * 'unauthorized' (no retry).
 */
export class LiveStream {
  constructor({ params = {}, lastEventId = null, onEvent, onState }) {
    this.params = params;
    this.lastEventId = lastEventId;
    this.onEvent = onEvent;
    this.onState = onState;
    this.wait = 2000;
    this.retry = 2000;
    this.stopped = false;
  }

  start() {
    this.run();
    return this;
  }

  stop() {
    this.stopped = true;
    this.abort?.abort();
    clearTimeout(this.timer);
    this.wake?.();
  }

  async run() {
    while (!this.stopped) {
      const outcome = await this.connectOnce();
      if (outcome === 'stop' || this.stopped) return;
      const delay = Math.min(MAX_WAIT, this.wait) * (0.8 + Math.random() * 0.4);
      this.onState('waiting', Math.round(delay / 1000));
      await new Promise((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, delay);
      });
      this.wait = Math.min(MAX_WAIT, this.wait * 2);
    }
  }

  /** One connection, until it ends: 'stop' when retrying is pointless, 'retry' otherwise. */
  async connectOnce() {
    this.abort = new AbortController();
    this.onState('connecting');
    const headers = { Accept: 'text/event-stream' };
    if (this.lastEventId != null) headers['Last-Event-ID'] = String(this.lastEventId);
    try {
      const response = await fetch(hubUrl('api/events/stream', this.params),
        authorized({ headers, signal: this.abort.signal, cache: 'no-store' }));
      if (response.status === 401) {
        this.onState('unauthorized');
        reportUnauthorized();
        return 'stop';
      }
      if (response.status === 400) {
        const body = await response.json().catch(() => ({}));
        this.onState('failed', body.field ? `${body.field}: ${body.reason}` : (body.reason ?? 'bad request'));
        return 'stop';
      }
      if (!response.ok || !response.body) return 'retry';
      this.onState('live');
      this.wait = this.retry;
      await this.read(response.body);
    } catch (e) {
      if (this.stopped) return 'stop';
    } finally {
      clearTimeout(this.silence);
    }
    return 'retry';
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventStreamParser((event) => {
      this.lastEventId = event.id ?? this.lastEventId;
      this.onEvent(event);
    }, (ms) => {
      this.retry = ms;
    });
    for (;;) {
      clearTimeout(this.silence);
      this.silence = setTimeout(() => this.abort.abort(), SILENCE);
      const { value, done } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  }
}

/** The text/event-stream format (WHATWG HTML, "Server-sent events"): lines end with CRLF, LF or CR. */
export class EventStreamParser {
  constructor(dispatch, setRetry) {
    this.dispatch = dispatch;
    this.setRetry = setRetry;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.data = [];
    this.type = '';
    this.id = undefined;
  }

  push(text) {
    let all = this.buffer + text;
    let held = '';
    if (all.endsWith('\r')) {
      held = '\r'; // perhaps the first half of a CRLF split between two chunks: decide with the next one
      all = all.slice(0, -1);
    }
    const lines = all.replace(/\r\n?/g, '\n').split('\n');
    this.buffer = lines.pop() + held;
    for (const line of lines) this.line(line);
  }

  line(line) {
    if (line === '') {
      if (this.data.length) {
        this.dispatch({ id: this.id, type: this.type || 'message', data: this.data.join('\n') });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') this.data.push(value);
    else if (name === 'event') this.type = value;
    else if (name === 'id' && !value.includes('\0')) this.id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) this.setRetry(Number(value));
  }
}
