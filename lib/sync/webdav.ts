/**
 * RemoteStorage over WebDAV (RFC 4918) with fetch: PROPFIND (Depth: 1), GET, PUT, DELETE, MKCOL.
 * Works in the background service worker (no DOMParser there), extension pages and Node.
 *
 * Paths are relative to `baseUrl` (e.g. Nextcloud's https://HOST/remote.php/dav/files/USER/),
 * '/'-separated; each segment is URL-encoded here. Every failure is a SyncError in plain words.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyncError, type RemoteEntry, type RemoteStorage } from './types';

export interface WebDavOptions {
  baseUrl: string;
  user: string;
  password: string;
  fetch?: typeof fetch;
  /** Per-request time limit (default 60 s). */
  timeoutMs?: number;
  /** Aborts every request in flight (SyncError 'aborted'). */
  signal?: AbortSignal;
  /** Called once per HTTP request (request counts in reports and tests). */
  onRequest?: (method: string, path: string) => void;
}

/** Normalises a user-typed server address: trims, adds the trailing slash. Throws on a bad URL. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SyncError('not-webdav', 'The server address is not a web address (it should start with https://).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SyncError('not-webdav', 'The server address must start with https:// (or http://).');
  }
  if (url.username || url.password) {
    throw new SyncError('not-webdav', 'Put the user name and password in their own fields, not in the server address.');
  }
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const segments = (path: string) => path.split('/').filter((s) => s.length > 0);

function encodePath(path: string, folder: boolean): string {
  const segs = segments(path);
  const encoded = segs.map((s) => encodeURIComponent(s)).join('/');
  return folder && encoded ? `${encoded}/` : encoded;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A URL's path as decoded segments, so servers that encode differently still compare equal. */
const decodedSegments = (pathname: string) => segments(pathname).map(safeDecode);

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/></d:prop></d:propfind>';

const xml = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'response' || name === 'propstat',
});

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const textOf = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number'
      ? String(v)
      : typeof asObj(v)['#text'] === 'string'
        ? (asObj(v)['#text'] as string)
        : '';

interface DavResponse {
  href: string;
  collection: boolean;
  size?: number;
}

/** Parses a 207 Multi-Status body. Throws SyncError('not-webdav') when it isn't one. */
export function parseMultistatus(body: string): DavResponse[] {
  let doc: Obj;
  try {
    doc = asObj(xml.parse(body));
  } catch {
    throw new SyncError('not-webdav', 'The server’s answer is not a WebDAV folder listing.');
  }
  if (!('multistatus' in doc)) {
    throw new SyncError('not-webdav', 'The server’s answer is not a WebDAV folder listing.');
  }
  const responses = asObj(doc.multistatus).response;
  const out: DavResponse[] = [];
  for (const r of Array.isArray(responses) ? responses : []) {
    const resp = asObj(r);
    const href = textOf(resp.href).trim();
    if (!href) continue;
    const stats = Array.isArray(resp.propstat) ? resp.propstat.map(asObj) : [];
    // Properties come from the propstat whose status is 200 (the others list missing properties).
    const ok = stats.find((s) => / 200 /.test(` ${textOf(s.status)} `)) ?? stats[0] ?? {};
    const prop = asObj(ok.prop);
    const collection = 'collection' in asObj(prop.resourcetype);
    const len = Number(textOf(prop.getcontentlength));
    out.push({ href, collection, size: Number.isFinite(len) && textOf(prop.getcontentlength) !== '' ? len : undefined });
  }
  return out;
}

function httpError(status: number, what: string): SyncError {
  if (status === 401) return new SyncError('auth', 'The server refused the user name or password.');
  if (status === 403) return new SyncError('forbidden', `The server does not allow this account to ${what}.`);
  if (status === 507) return new SyncError('disk-full', 'The server is out of space (storage full).');
  if (status === 413) {
    return new SyncError('disk-full', 'The server refused to store the file: it is over the server’s size limit or the storage is full.');
  }
  if (status >= 500) return new SyncError('server-error', `The server had an error (HTTP ${status}). Try again later.`);
  return new SyncError('bad-response', `The server answered with an unexpected HTTP ${status} when asked to ${what}.`);
}

/** A fetch that threw: offline, refused, DNS, TLS. Browsers say no more than "Failed to fetch". */
function networkError(err: unknown, url: string, timedOut: boolean, aborted: boolean): SyncError {
  if (aborted) return new SyncError('aborted', 'Sync was stopped.');
  if (timedOut) return new SyncError('unreachable', 'The server did not answer in time.');
  // Node (undici) names the TLS failure in err.cause.code; browsers hide it on purpose.
  const cause = asObj(asObj(err).cause);
  const code = `${String(cause.code ?? '')} ${String(cause.message ?? '')}`;
  if (/CERT|SSL|TLS|self[- ]signed/i.test(code)) {
    return new SyncError('certificate', 'The server’s security certificate is not valid (expired, self-signed or for another name).');
  }
  if (url.startsWith('https:')) {
    return new SyncError(
      'unreachable',
      'The server could not be reached, or its security certificate was not accepted. Check the address, your connection, and open the address in a tab to see the certificate.',
    );
  }
  return new SyncError('unreachable', 'The server could not be reached. Check the address and your connection.');
}

export function createWebDavStorage(options: WebDavOptions): RemoteStorage {
  const base = normaliseBaseUrl(options.baseUrl);
  const baseSegs = decodedSegments(new URL(base).pathname);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const auth = basicAuth(options.user, options.password);
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function request(method: string, path: string, folder: boolean, init: { headers?: Record<string, string>; body?: BodyInit }) {
    const url = base + encodePath(path, folder);
    options.onRequest?.(method, path);
    if (options.signal?.aborted) throw new SyncError('aborted', 'Sync was stopped.');
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const onAbort = () => timer.abort();
    options.signal?.addEventListener('abort', onAbort);
    try {
      const res = await doFetch(url, {
        method,
        headers: { Authorization: auth, ...init.headers },
        body: init.body,
        credentials: 'omit',
        redirect: 'follow',
        signal: timer.signal,
      });
      return { res, url };
    } catch (err) {
      throw networkError(err, url, timer.signal.aborted && !options.signal?.aborted, options.signal?.aborted ?? false);
    } finally {
      clearTimeout(timeout);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Reads a body, mapping a dropped connection like a failed fetch. */
  async function read<T>(p: Promise<T>, url: string): Promise<T> {
    try {
      return await p;
    } catch (err) {
      throw networkError(err, url, false, options.signal?.aborted ?? false);
    }
  }

  async function list(dir: string): Promise<RemoteEntry[]> {
    const { res, url } = await request('PROPFIND', dir, true, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    const isRoot = segments(dir).length === 0;
    if (res.status === 404) {
      void res.body?.cancel();
      if (isRoot) throw new SyncError('not-webdav', 'There is no WebDAV folder at this address.');
      return [];
    }
    if (res.status === 405 || res.status === 501) {
      void res.body?.cancel();
      throw new SyncError('not-webdav', 'The address is not a WebDAV folder (the server does not list folders there).');
    }
    if (res.status !== 207) {
      void res.body?.cancel();
      if (res.ok) throw new SyncError('not-webdav', 'The address answers like a web page (a login page?), not like a WebDAV folder.');
      throw httpError(res.status, 'list the folder');
    }
    const entries = parseMultistatus(await read(res.text(), url));
    // Hrefs may be absolute paths or full URLs, encoded any way: compare decoded segments.
    const want = [...baseSegs, ...segments(dir)];
    const out: RemoteEntry[] = [];
    for (const e of entries) {
      let segs: string[];
      try {
        segs = decodedSegments(new URL(e.href, url).pathname);
      } catch {
        continue;
      }
      if (segs.length !== want.length + 1 || want.some((s, i) => segs[i] !== s)) continue;
      const name = segs[segs.length - 1]!;
      out.push(e.collection ? { name: `${name}/` } : { name, size: e.size });
    }
    return out;
  }

  async function get(path: string): Promise<Uint8Array | null> {
    const { res, url } = await request('GET', path, false, {});
    if (res.status === 404 || res.status === 410) {
      void res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      void res.body?.cancel();
      throw httpError(res.status, 'read a file');
    }
    return new Uint8Array(await read(res.arrayBuffer(), url));
  }

  async function putOnce(path: string, body: Uint8Array, createOnly: boolean) {
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (createOnly) headers['If-None-Match'] = '*';
    const { res } = await request('PUT', path, false, { headers, body: body as Uint8Array<ArrayBuffer> });
    void res.body?.cancel();
    return res.status;
  }

  async function put(path: string, body: Uint8Array, opts?: { createOnly?: boolean }): Promise<'written' | 'exists'> {
    const createOnly = opts?.createOnly ?? false;
    let status = await putOnce(path, body, createOnly);
    // 409 Conflict (or 404 on some servers): a parent folder is missing. Create it and try once more.
    if ((status === 409 || status === 404) && segments(path).length > 1) {
      await ensureDir(segments(path).slice(0, -1).join('/'));
      status = await putOnce(path, body, createOnly);
    }
    if (status >= 200 && status < 300) return 'written';
    if (status === 412 && createOnly) return 'exists';
    // 423 Locked: another client is writing this very file now (rclone locks a file while it
    // uploads). For a create-only write that means it is being created: it exists.
    if (status === 423 && createOnly) return 'exists';
    throw httpError(status, 'save a file');
  }

  async function remove(path: string): Promise<void> {
    const { res } = await request('DELETE', path, false, {});
    void res.body?.cancel();
    if (res.ok || res.status === 404 || res.status === 410) return;
    throw httpError(res.status, 'delete a file');
  }

  async function mkcol(dir: string): Promise<number> {
    const { res } = await request('MKCOL', dir, true, {});
    void res.body?.cancel();
    return res.status;
  }

  /** One MKCOL when the parent exists (the usual case); parent by parent when it doesn't. */
  async function ensureDir(dir: string): Promise<void> {
    const segs = segments(dir);
    if (segs.length === 0) return;
    const done = (s: number) => (s >= 200 && s < 300) || s === 405;
    const first = await mkcol(segs.join('/'));
    if (done(first)) return;
    if (first !== 409 && first !== 404) throw httpError(first, 'create a folder');
    for (let i = 1; i <= segs.length; i++) {
      const s = await mkcol(segs.slice(0, i).join('/'));
      if (!done(s)) throw httpError(s, 'create a folder');
    }
  }

  return { list, get, put, remove, ensureDir };
}
