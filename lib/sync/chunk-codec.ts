/**
 * A chunk's plain bytes: its JSON, gzipped where CompressionStream exists (Node 18+, every browser
 * Vetted supports). Reading accepts both, told apart by the gzip magic number, so a chunk written
 * without compression still opens.
 */
import { SyncError, type ChunkBody } from './types';

const hasGzip = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeChunk(body: ChunkBody, options: { gzip?: boolean } = {}): Promise<Uint8Array> {
  const json = new TextEncoder().encode(JSON.stringify(body));
  return (options.gzip ?? hasGzip()) ? through(json, new CompressionStream('gzip')) : json;
}

function isChunk(value: unknown): value is ChunkBody {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    c.format === 1 &&
    typeof c.deviceId === 'string' &&
    Number.isInteger(c.seq) &&
    typeof c.snapshot === 'boolean' &&
    Array.isArray(c.records)
  );
}

export async function decodeChunk(bytes: Uint8Array): Promise<ChunkBody> {
  let json: unknown;
  try {
    const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const plain = gz ? await through(bytes, new DecompressionStream('gzip')) : bytes;
    json = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new SyncError('corrupt', 'A file in the sync folder could not be read: it is damaged.');
  }
  if (!isChunk(json)) throw new SyncError('corrupt', 'A file in the sync folder is not a Vetted chunk.');
  return json;
}
