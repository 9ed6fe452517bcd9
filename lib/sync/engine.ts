/**
 * One sync (issue 11, DESIGN.md "Sync"): pull, then push.
 *
 * Pull lists `devices/`, and for every other device fetches only its chunks above this device's
 * cursor — newest first until a snapshot, which makes the older ones unnecessary — and applies them
 * oldest first, each merged with its cursor advanced in one transaction. A new device therefore
 * has everything before it pushes anything.
 *
 * Push writes one chunk with every version not pushed yet. Its seq comes after both the last one
 * recorded and any this device's folder already holds (a chunk written by a sync that died before
 * recording it is never overwritten: servers that ignore If-None-Match would let us). Every
 * SNAPSHOT_EVERY chunks a snapshot of everything this device is the source of follows, and only
 * once it is written are this device's older chunks deleted.
 *
 * Any step may throw; nothing is recorded before the remote has it, and applying a chunk twice
 * changes nothing, so the next sync resumes where this one stopped.
 */
import { decodeChunk, encodeChunk } from './chunk-codec';
import { SyncError, type ChunkBody, type ChunkCipher, type RemoteStorage, type SyncReport, type SyncStore } from './types';

export const SNAPSHOT_EVERY = 20;
const SEQ_DIGITS = 10;
const CHUNK_NAME = /^(\d{10})\.chunk$/;

export const chunkName = (seq: number): string => `${String(seq).padStart(SEQ_DIGITS, '0')}.chunk`;

export interface SyncDeps {
  store: SyncStore;
  remote: RemoteStorage;
  cipher: ChunkCipher;
  /** 'vetted/<workspaceId>' */
  root: string;
  now?: () => number;
  signal?: AbortSignal;
  /** Tests turn compression off to compare; default: gzip where available. */
  gzip?: boolean;
  /** Chunks between snapshots (default SNAPSHOT_EVERY). */
  snapshotEvery?: number;
}

/** Counts requests and bytes on their way through. */
function counted(remote: RemoteStorage, report: SyncReport): RemoteStorage {
  return {
    list: (dir) => (report.requests++, remote.list(dir)),
    get: async (path) => {
      report.requests++;
      const bytes = await remote.get(path);
      report.bytesDown += bytes?.byteLength ?? 0;
      return bytes;
    },
    put: (path, body, opts) => {
      report.requests++;
      report.bytesUp += body.byteLength;
      return remote.put(path, body, opts);
    },
    remove: (path) => (report.requests++, remote.remove(path)),
    ensureDir: (dir) => (report.requests++, remote.ensureDir(dir)),
  };
}

function seqsIn(names: readonly { name: string }[]): number[] {
  return names
    .flatMap((e) => {
      const m = CHUNK_NAME.exec(e.name);
      return m ? [Number(m[1])] : [];
    })
    .sort((a, b) => a - b);
}

export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { pulledChunks: 0, pushedRecords: 0, conflicts: 0, requests: 0, bytesUp: 0, bytesDown: 0 };
  const { store, cipher, root } = deps;
  const remote = counted(deps.remote, report);
  const now = deps.now ?? Date.now;
  const alive = () => {
    if (deps.signal?.aborted) throw new SyncError('aborted', 'The sync was stopped.');
  };
  const me = await store.deviceId();
  const devicesDir = `${root}/devices`;

  // ---------------------------------------------------------------- pull
  const devices = (await remote.list(devicesDir)).filter((e) => e.name.endsWith('/')).map((e) => e.name.slice(0, -1));
  const cursors = await store.cursors();
  let ownSeqs: number[] = [];
  for (const device of devices.sort()) {
    alive();
    const dir = `${devicesDir}/${device}`;
    const seqs = seqsIn(await remote.list(dir));
    if (device === me) {
      ownSeqs = seqs;
      continue;
    }
    const above = seqs.filter((s) => s > (cursors[device] ?? 0));
    const bodies: ChunkBody[] = [];
    for (const seq of [...above].reverse()) {
      alive();
      const path = `${dir}/${chunkName(seq)}`;
      const sealed = await remote.get(path);
      if (sealed === null) continue; // deleted after its device wrote a snapshot
      const body = await decodeChunk(await cipher.open(path, sealed));
      if (body.deviceId !== device || body.seq !== seq)
        throw new SyncError('corrupt', `The sync file ${path} does not belong where it is.`);
      bodies.unshift(body);
      if (body.snapshot) break;
    }
    for (const body of bodies) {
      alive();
      const r = await store.applyChunk(body);
      report.pulledChunks++;
      report.conflicts += r.conflicts;
    }
  }

  // ---------------------------------------------------------------- push
  alive();
  const pending = await store.unpushed();
  if (pending.records.length === 0) return report;
  if (!devices.includes(me)) await remote.ensureDir(`${devicesDir}/${me}`);
  let next = Math.max(await store.lastSeq(), ownSeqs.at(-1) ?? 0) + 1;

  const write = async (snapshot: boolean, records: ChunkBody['records']): Promise<number> => {
    for (;;) {
      alive();
      const seq = next++;
      const path = `${devicesDir}/${me}/${chunkName(seq)}`;
      const body: ChunkBody = { format: 1, deviceId: me, seq, snapshot, createdAt: now(), records };
      const sealed = await cipher.seal(path, await encodeChunk(body, deps.gzip === undefined ? {} : { gzip: deps.gzip }));
      if ((await remote.put(path, sealed, { createOnly: true })) === 'written') return seq;
    }
  };

  const seq = await write(false, pending.records);
  await store.markPushed(seq, pending.mark);
  report.pushedRecords = pending.records.length;
  ownSeqs.push(seq);

  const every = deps.snapshotEvery ?? SNAPSHOT_EVERY;
  if (seq % every === 0 || ownSeqs.length > 2 * every) {
    const snap = await write(true, await store.ownRecords());
    await store.markPushed(snap, pending.mark);
    report.snapshot = true;
    for (const old of ownSeqs.filter((s) => s < snap)) {
      alive();
      await remote.remove(`${devicesDir}/${me}/${chunkName(old)}`);
    }
  }
  return report;
}
