// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createWebDavStorage, normaliseBaseUrl } from '../../../lib/sync/webdav';
import { SyncError } from '../../../lib/sync/types';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A fetch that answers from a function and records every request. */
function fakeFetch(answer: (req: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req: Seen = { method: init?.method ?? 'GET', url: String(input), headers: { ...(init?.headers as Record<string, string>) } };
    seen.push(req);
    return answer(req);
  }) as typeof fetch;
  return { f, seen };
}

const multistatus = (responses: string, prefix = 'd') =>
  `<?xml version="1.0"?><${prefix}:multistatus xmlns:${prefix}="DAV:">${responses}</${prefix}:multistatus>`;
const entry = (href: string, collection: boolean, size?: number, prefix = 'd') =>
  `<${prefix}:response><${prefix}:href>${href}</${prefix}:href><${prefix}:propstat><${prefix}:prop>` +
  `<${prefix}:resourcetype>${collection ? `<${prefix}:collection/>` : ''}</${prefix}:resourcetype>` +
  (size === undefined ? '' : `<${prefix}:getcontentlength>${size}</${prefix}:getcontentlength>`) +
  `</${prefix}:prop><${prefix}:status>HTTP/1.1 200 OK</${prefix}:status></${prefix}:propstat></${prefix}:response>`;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SyncError) return err.code;
    throw err;
  }
  throw new Error('expected a SyncError');
}

const NC = 'https://cloud.example.org/remote.php/dav/files/ann%40example.org/';

describe('WebDAV storage (fake fetch)', () => {
  it('adds the trailing slash and rejects addresses that are not http(s) or hold credentials', () => {
    expect(normaliseBaseUrl(' https://h.example/dav ')).toBe('https://h.example/dav/');
    expect(normaliseBaseUrl('https://h.example/dav/')).toBe('https://h.example/dav/');
    expect(() => normaliseBaseUrl('ftp://h.example/')).toThrow(SyncError);
    expect(() => normaliseBaseUrl('https://u:p@h.example/')).toThrow(SyncError);
    expect(() => normaliseBaseUrl('not a url')).toThrow(SyncError);
  });

  it('lists a Nextcloud folder whose hrefs are absolute paths, skipping the folder itself', async () => {
    const { f, seen } = fakeFetch(
      () =>
        new Response(
          multistatus(
            entry('/remote.php/dav/files/ann%40example.org/vetted/ws%201/', true) +
              entry('/remote.php/dav/files/ann%40example.org/vetted/ws%201/workspace.json', false, 321) +
              entry('/remote.php/dav/files/ann%40example.org/vetted/ws%201/devices/', true),
          ),
          { status: 207 },
        ),
    );
    const dav = createWebDavStorage({ baseUrl: NC, user: 'ann@example.org', password: 'app-pass', fetch: f });
    const list = await dav.list('vetted/ws 1');
    expect(list).toEqual([{ name: 'workspace.json', size: 321 }, { name: 'devices/' }]);
    expect(seen[0]!.method).toBe('PROPFIND');
    expect(seen[0]!.url).toBe(`${NC}vetted/ws%201/`);
    expect(seen[0]!.headers.Depth).toBe('1');
    expect(seen[0]!.headers.Authorization).toBe(`Basic ${Buffer.from('ann@example.org:app-pass').toString('base64')}`);
  });

  it('reads hrefs given as full URLs, with upper-case DAV prefixes or a default namespace, encoded differently', async () => {
    const bodies = [
      multistatus(entry('https://h.example/dav/a/', true) + entry('https://h.example/dav/a/x%3a1.chunk', false, 5), 'D'),
      `<multistatus xmlns="DAV:"><response><href>/dav/a/</href><propstat><prop><resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response>` +
        `<response><href>/dav/a/x:1.chunk</href><propstat><prop><resourcetype/><getcontentlength>5</getcontentlength></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`,
    ];
    for (const body of bodies) {
      const { f } = fakeFetch(() => new Response(body, { status: 207 }));
      const dav = createWebDavStorage({ baseUrl: 'https://h.example/dav', user: 'u', password: 'p', fetch: f });
      expect(await dav.list('a/')).toEqual([{ name: 'x:1.chunk', size: 5 }]);
    }
  });

  it('takes properties from the 200 propstat when the server also lists missing ones', async () => {
    const body = multistatus(
      `<d:response><d:href>/dav/f</d:href><d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>` +
        `<d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
    );
    const { f } = fakeFetch(() => new Response(body, { status: 207 }));
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/dav/', user: 'u', password: 'p', fetch: f });
    expect(await dav.list('')).toEqual([{ name: 'f/' }]);
  });

  it('a missing folder lists as empty; a missing root, a 405 or an HTML page is not a WebDAV folder', async () => {
    const answers: [Response, string, string | null][] = [
      [new Response('', { status: 404 }), 'vetted', null],
      [new Response('', { status: 404 }), '', 'not-webdav'],
      [new Response('', { status: 405 }), '', 'not-webdav'],
      [new Response('<html><body>Log in</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), '', 'not-webdav'],
      [new Response('<html>', { status: 207 }), '', 'not-webdav'],
    ];
    for (const [res, dir, code] of answers) {
      const { f } = fakeFetch(() => res);
      const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f });
      if (code === null) expect(await dav.list(dir)).toEqual([]);
      else expect(await codeOf(dav.list(dir))).toBe(code);
    }
  });

  it('maps HTTP failures and network errors to plain-word errors', async () => {
    const cases: [() => Response | Promise<Response>, string][] = [
      [() => new Response('', { status: 401 }), 'auth'],
      [() => new Response('', { status: 403 }), 'forbidden'],
      [() => new Response('', { status: 507 }), 'disk-full'],
      [() => new Response('', { status: 413 }), 'disk-full'],
      [() => new Response('', { status: 503 }), 'server-error'],
      [() => new Response('', { status: 400 }), 'bad-response'],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'unreachable'],
      [
        () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } })),
        'certificate',
      ],
      [() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'CERT_HAS_EXPIRED' } })), 'certificate'],
    ];
    for (const [answer, code] of cases) {
      const { f } = fakeFetch(answer);
      const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f });
      expect(await codeOf(dav.put('a.chunk', new Uint8Array([1])))).toBe(code);
    }
  });

  it('an https failure without a cause mentions the certificate; every message is plain words', async () => {
    const { f } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f });
    const err = await dav.get('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).message).toMatch(/could not be reached.*certificate/);
    expect((err as SyncError).message).not.toMatch(/TypeError|fetch/);
  });

  it('createOnly sends If-None-Match: * and reads 412 as "exists"', async () => {
    const { f, seen } = fakeFetch(() => new Response('', { status: 412 }));
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f });
    expect(await dav.put('vetted/w/workspace.json', new Uint8Array([1]), { createOnly: true })).toBe('exists');
    expect(seen[0]!.headers['If-None-Match']).toBe('*');
    // Without createOnly no precondition is sent.
    const plain = fakeFetch(() => new Response('', { status: 201 }));
    const dav2 = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: plain.f });
    expect(await dav2.put('a', new Uint8Array([1]))).toBe('written');
    expect(plain.seen[0]!.headers['If-None-Match']).toBeUndefined();
  });

  it('a create-only PUT answered 423 Locked (another client uploading that file: rclone) is "exists"; a plain one is an error', async () => {
    const { f } = fakeFetch(() => new Response('', { status: 423 }));
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f });
    expect(await dav.put('vetted/w/workspace.json', new Uint8Array([1]), { createOnly: true })).toBe('exists');
    await expect(dav.put('vetted/w/x', new Uint8Array([1]))).rejects.toThrow(/423/);
  });

  it('a PUT into a missing folder creates the parents and writes once more', async () => {
    const made = new Set<string>();
    const { f, seen } = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (req.method === 'MKCOL') {
        const parent = path.replace(/[^/]+\/$/, '');
        if (parent !== '/' && !made.has(parent)) return new Response('', { status: 409 });
        made.add(path);
        return new Response('', { status: 201 });
      }
      const parent = path.replace(/[^/]+$/, '');
      return new Response('', { status: made.has(parent) ? 201 : 409 });
    });
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f });
    expect(await dav.put('vetted/w/devices/d1/0000000001.chunk', new Uint8Array([1]))).toBe('written');
    expect(seen.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'PUT /vetted/w/devices/d1/0000000001.chunk',
      'MKCOL /vetted/w/devices/d1/',
      'MKCOL /vetted/',
      'MKCOL /vetted/w/',
      'MKCOL /vetted/w/devices/',
      'MKCOL /vetted/w/devices/d1/',
      'PUT /vetted/w/devices/d1/0000000001.chunk',
    ]);
  });

  it('ensureDir costs one request when the folder exists (405), DELETE of a missing file is fine, GET 404 is null', async () => {
    const { f, seen } = fakeFetch((req) => new Response('', { status: req.method === 'MKCOL' ? 405 : 404 }));
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f });
    await dav.ensureDir('vetted/w/devices');
    await dav.remove('vetted/w/x');
    expect(await dav.get('vetted/w/x')).toBeNull();
    expect(seen.length).toBe(3);
  });

  it('URL-encodes each name and keeps the slashes between them', async () => {
    const { f, seen } = fakeFetch(() => new Response(new Uint8Array([7, 8]), { status: 200 }));
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/dav/', user: 'u', password: 'p', fetch: f });
    expect(await dav.get('a b/ü#?/c%d')).toEqual(new Uint8Array([7, 8]));
    expect(seen[0]!.url).toBe('https://h.example/dav/a%20b/%C3%BC%23%3F/c%25d');
  });

  it('stops with "aborted" when the signal fires', async () => {
    const ctl = new AbortController();
    const { f } = fakeFetch(
      (req) =>
        new Promise<Response>((_, reject) => {
          void req;
          ctl.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          ctl.abort();
        }),
    );
    const dav = createWebDavStorage({ baseUrl: 'https://h.example/', user: 'u', password: 'p', fetch: f, signal: ctl.signal });
    expect(await codeOf(dav.get('x'))).toBe('aborted');
  });
});
