// The console's only way to the hub. Paths are relative to the hub's root, which is found from this page's own
// address (the console is at <root>/console/), so the console also works behind a proxy that adds a prefix.
// Every call under api/ carries the admin token; health/ready and metrics are public and are called without it.
// Actions (a door, a certificate) also carry the operator's name, for the hub's audit log.

const TOKEN_KEY = 'gatehouse.adminToken';
const OPERATOR_KEY = 'gatehouse.operator';
/** Printable ASCII goes into the X-Gatehouse-Actor header as it is; anything else percent-encoded as UTF-8. */
const PLAIN_HEADER = /^[\x20-\x24\x26-\x7e]+$/;
/** What the hub records: up to 100 characters in any script, no control characters. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const ROOT = new URL('../', document.baseURI);

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/**
 * The operator's name, sent as X-Gatehouse-Actor with every action. Unlike the token it is no secret, so it is kept
 * in localStorage: the browser remembers who sits at it across tabs and restarts, and asks only once.
 */
export const operator = {
  get: () => localStorage.getItem(OPERATOR_KEY),
  set: (value) => localStorage.setItem(OPERATOR_KEY, value.trim()),
  /** Why the hub could not record this name, or null when it can. */
  problem(value) {
    const name = (value ?? '').trim();
    if (!name) return 'Enter your name: the audit log records it with each action.';
    if ([...name].length > 100 || CONTROL.test(name)) {
      return 'The hub records names of at most 100 characters, without control characters.';
    }
    return null;
  },
  /** The name as the X-Gatehouse-Actor header carries it. */
  header: (name) => (PLAIN_HEADER.test(name) ? name : encodeURIComponent(name)),
};

/** What the hub refused: its status and, for JSON errors, the field at fault and the reason in words. */
export class HubError extends Error {
  constructor(status, body, path) {
    const reason = body?.reason ?? body?.error ?? `HTTP ${status}`;
    super(body?.field ? `${body.field}: ${reason}` : reason);
    this.status = status;
    this.field = body?.field ?? null;
    this.reason = reason;
    this.path = path;
    this.body = body;
  }
}

let unauthorized = () => {};

/** Called whenever the hub answers 401: the token was wrong or has changed. */
export function onUnauthorized(listener) {
  unauthorized = listener;
}

/** For calls made outside call(): the live stream. */
export function reportUnauthorized() {
  unauthorized();
}

/** The URL of a hub path ('api/events') with query parameters; empty and absent values are left out. */
export function hubUrl(path, params = {}) {
  const url = new URL(path, ROOT);
  for (const [name, value] of Object.entries(params)) {
    if (value != null && value !== '') url.searchParams.set(name, value);
  }
  return url;
}

/** The fetch options of an authenticated call. */
export function authorized(options = {}, tokenValue = token.get()) {
  return { ...options, headers: { ...options.headers, Authorization: `Bearer ${tokenValue}` } };
}

/** Calls an api/ path with the token (GET unless told); resolves to the Response when 2xx, else throws a HubError. */
export async function call(path, { params, signal, headers, tokenValue, method, body: content } = {}) {
  const response = await fetch(hubUrl(path, params),
    authorized({ signal, headers, method, body: content }, tokenValue));
  if (response.status === 401) {
    if (tokenValue === undefined) unauthorized();
    throw new HubError(401, await body(response), path);
  }
  if (!response.ok) throw new HubError(response.status, await body(response), path);
  return response;
}

export async function json(path, options) {
  return (await call(path, options)).json();
}

/** POSTs an action as the operator, who must be known (operator.get()); resolves to the hub's JSON answer. */
export async function act(path, payload) {
  const name = operator.get();
  if (operator.problem(name)) throw new Error(operator.problem(name));
  const response = await call(path, {
    method: 'POST', body: JSON.stringify(payload),
    headers: { 'Content-Type': 'application/json', 'X-Gatehouse-Actor': operator.header(name) },
  });
  return response.json();
}

/** GET a public path (no token): health/ready answers JSON with 200 or 503, both worth showing. */
export async function publicJson(path, { signal } = {}) {
  const response = await fetch(hubUrl(path), { signal, cache: 'no-store' });
  return { status: response.status, body: await body(response) };
}

export async function publicText(path, { signal } = {}) {
  const response = await fetch(hubUrl(path), { signal, cache: 'no-store' });
  if (!response.ok) throw new HubError(response.status, null, path);
  return response.text();
}

async function body(response) {
  try {
    return (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() : null;
  } catch {
    return null;
  }
}

/** Checks a token before keeping it: the cheapest authenticated call. */
export async function verify(candidate) {
  await call('api/events', { params: { limit: 1 }, tokenValue: candidate });
}
