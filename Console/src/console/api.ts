// The one way the console talks to the product: upstream's envelope, login loss, and ETag-aware polling.

export interface Envelope<T> {
  stat: boolean;
  info?: string;
  data?: T;
  code?: number;
  total?: number;
}

/** A reply with `stat: false`: `info` is upstream's reason, shown to the user as is. */
export class ApiError extends Error {}

/** Raised after a `code: 10000` reply, once the console has gone to the login page. */
export class LoginLost extends Error {}

const loginListeners = new Set<() => void>();

/** Called when any request finds the session gone (`code: 10000`). */
export function onLoginLost(listener: () => void): () => void {
  loginListeners.add(listener);
  return () => loginListeners.delete(listener);
}

/** The envelope of a reply, or the error it stands for. */
async function unwrap<T>(reply: Response): Promise<Envelope<T>> {
  const body = (await reply.json()) as Envelope<T>;
  if (body.code === 10000) {
    loginListeners.forEach((listener) => listener());
    throw new LoginLost(body.info ?? 'not logged in');
  }
  if (!body.stat) {
    throw new ApiError(body.info || `request failed (${reply.status})`);
  }
  return body;
}

async function send<T>(path: string, init: RequestInit = {}): Promise<Envelope<T>> {
  return unwrap<T>(await fetch(path, { credentials: 'same-origin', ...init }));
}

/** A reply without upstream's envelope (userinfo); a `code: 10000` reply still means the login is gone. */
export async function raw<T>(path: string): Promise<T> {
  const body = (await (await fetch(path, { credentials: 'same-origin' })).json()) as T & { code?: number; info?: string };
  if (body.code === 10000) {
    loginListeners.forEach((listener) => listener());
    throw new LoginLost(body.info ?? 'not logged in');
  }
  return body;
}

/** The whole envelope, for replies that carry more than `data` (the paged history's `total`). */
export function envelope<T>(path: string, init?: RequestInit): Promise<Envelope<T>> {
  return send<T>(path, init);
}

export async function get<T>(path: string): Promise<T> {
  return (await send<T>(path)).data as T;
}

function withBody(method: string, body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return (await send<T>(path, withBody('POST', body))).data as T;
}

export async function put<T>(path: string, body: unknown): Promise<T> {
  return (await send<T>(path, withBody('PUT', body))).data as T;
}

export async function del<T>(path: string): Promise<T> {
  return (await send<T>(path, { method: 'DELETE' })).data as T;
}

interface Cached {
  tag: string;
  data: unknown;
}

const cache = new Map<string, Cached>();
const cacheLimit = 64;

/**
 * A GET that sends the last ETag of the same path: while nothing changed the product answers 304 and this
 * returns the data it had, with `changed: false`, so a view can skip its repaint.
 */
export async function getCached<T>(path: string): Promise<{ data: T; changed: boolean }> {
  const known = cache.get(path);
  const reply = await fetch(path, { credentials: 'same-origin', headers: known ? { 'if-none-match': known.tag } : {} });
  if (reply.status === 304 && known) {
    return { data: known.data as T, changed: false };
  }
  const body = await unwrap<T>(reply);
  const tag = reply.headers.get('etag');
  if (tag) {
    cache.delete(path);
    cache.set(path, { tag, data: body.data });
    if (cache.size > cacheLimit) {
      cache.delete(cache.keys().next().value as string);
    }
  }
  return { data: body.data as T, changed: true };
}

/** A value for a URL path segment or query, never a piece of the path's syntax. */
export const seg = (value: string | number): string => encodeURIComponent(String(value));

/** A fresh idempotency key for a start request: upstream's task uuids are 12 alphanumerics. */
export function newUuid(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
