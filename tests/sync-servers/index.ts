/**
 * Real WebDAV servers on 127.0.0.1 for tests (issue 11), each in its own temp folder on a free port:
 *
 * - lighttpd + mod_webdav (Debian lighttpd, lighttpd-mod-webdav): honours If-None-Match: *;
 * - `rclone serve webdav` (Debian rclone): ignores preconditions (a createOnly PUT overwrites);
 * - a tiny node server whose disk is "full": every PUT and MKCOL answers 507.
 *
 * Basic auth on all of them. `stop()` ends the process and removes its folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DavServer {
  kind: 'lighttpd' | 'rclone' | 'full-disk';
  /** Base URL of the WebDAV root, ending with '/'. */
  url: string;
  port: number;
  user: string;
  password: string;
  /** Folder on disk that the server serves (files written through WebDAV appear here). */
  root: string;
  /** Whether a PUT with If-None-Match: * refuses to overwrite (412). */
  honoursPreconditions: boolean;
  stop(): Promise<void>;
}

export const USER = 'vetted';
export const PASSWORD = 'loopback-secret';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once the port accepts a connection; rejects if the process exits first. */
async function waitForPort(port: number, proc: ChildProcess, log: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  proc.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  for (;;) {
    if (exited) throw new Error(`WebDAV server ${exited}: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`WebDAV server did not listen on ${port}: ${log()}`);
    // The process has not bound its port yet: give it the next connect attempt after a beat.
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

function spawnLogged(cmd: string, args: string[]): { proc: ChildProcess; log: () => string } {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  proc.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  return { proc, log: () => out };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** lighttpd drops to www-data when started as root: what it writes must be writable by it. */
function giveToWwwData(paths: string[]): void {
  if (!isRoot()) return;
  for (const p of paths) chownSync(p, 33, 33);
}

export async function startLighttpd(): Promise<DavServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vetted-lighttpd-'));
  chmodSync(dir, 0o755);
  const root = join(dir, 'root');
  const logs = join(dir, 'log');
  const state = join(dir, 'state');
  const uploads = join(dir, 'uploads');
  for (const d of [root, logs, state, uploads]) mkdirSync(d, { mode: 0o755 });
  const users = join(dir, 'users');
  writeFileSync(users, `${USER}:${PASSWORD}\n`, { mode: 0o644 });
  giveToWwwData([root, logs, state, uploads]);
  const port = await freePort();
  const conf = join(dir, 'lighttpd.conf');
  writeFileSync(
    conf,
    [
      `server.modules = ("mod_auth", "mod_authn_file", "mod_webdav")`,
      `server.document-root = "${root}"`,
      `server.bind = "127.0.0.1"`,
      `server.port = ${port}`,
      `server.errorlog = "${logs}/error.log"`,
      `server.upload-dirs = ("${uploads}")`,
      isRoot() ? `server.username = "www-data"\nserver.groupname = "www-data"` : '',
      `webdav.activate = "enable"`,
      `webdav.is-readonly = "disable"`,
      `webdav.sqlite-db-name = "${state}/webdav.sqlite"`,
      `auth.backend = "plain"`,
      `auth.backend.plain.userfile = "${users}"`,
      `auth.require = ("" => ("method" => "basic", "realm" => "vetted", "require" => "valid-user"))`,
      '',
    ].join('\n'),
  );
  const { proc, log } = spawnLogged(existsSync('/usr/sbin/lighttpd') ? '/usr/sbin/lighttpd' : 'lighttpd', ['-D', '-f', conf]);
  await waitForPort(port, proc, log);
  return {
    kind: 'lighttpd',
    url: `http://127.0.0.1:${port}/`,
    port,
    user: USER,
    password: PASSWORD,
    root,
    honoursPreconditions: true,
    async stop() {
      await stopProcess(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startRclone(): Promise<DavServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vetted-rclone-'));
  const root = join(dir, 'root');
  mkdirSync(root);
  const config = join(dir, 'rclone.conf');
  writeFileSync(config, '');
  const port = await freePort();
  const { proc, log } = spawnLogged('rclone', [
    'serve',
    'webdav',
    root,
    '--config',
    config,
    '--addr',
    `127.0.0.1:${port}`,
    '--user',
    USER,
    '--pass',
    PASSWORD,
  ]);
  await waitForPort(port, proc, log);
  return {
    kind: 'rclone',
    url: `http://127.0.0.1:${port}/`,
    port,
    user: USER,
    password: PASSWORD,
    root,
    honoursPreconditions: false,
    async stop() {
      await stopProcess(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A WebDAV root that lists as an empty folder and answers 507 Insufficient Storage to every write. */
export async function startFullDiskServer(): Promise<DavServer> {
  const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const writes: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    if (req.headers.authorization !== auth) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="vetted"' }).end();
      return;
    }
    if (req.method === 'PROPFIND') {
      const href = (req.url ?? '/').replace(/\/?$/, '/');
      res
        .writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' })
        .end(
          `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>${href}</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`,
        );
      return;
    }
    if (req.method === 'PUT' || req.method === 'MKCOL') {
      writes.push(`${req.method} ${req.url}`);
      res.writeHead(507).end();
      return;
    }
    res.writeHead(404).end();
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    }),
  );
  return {
    kind: 'full-disk',
    url: `http://127.0.0.1:${port}/`,
    port,
    user: USER,
    password: PASSWORD,
    root: '',
    honoursPreconditions: true,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const REAL_SERVERS = { lighttpd: startLighttpd, rclone: startRclone } as const;
