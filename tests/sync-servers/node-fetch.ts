/**
 * A fetch over node:http for tests that run in happy-dom, whose own fetch applies a page's CORS
 * rules (an extension with the host permission is not held to them). Enough for WebDAV: method,
 * headers, a string or byte body, the status and the body back. No redirects.
 */
import { request } from 'node:http';

export const nodeFetch: typeof fetch = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(String(input));
    const body = init?.body;
    const req = request(url, { method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 500;
        const bytes = Buffer.concat(chunks);
        const nullBody = status === 204 || status === 304;
        resolve(new Response(nullBody ? null : new Uint8Array(bytes), { status }));
      });
      res.on('error', reject);
    });
    req.on('error', (err) => reject(Object.assign(new TypeError('fetch failed'), { cause: err })));
    init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
    if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
    else req.end();
  });
