/**
 * Backup text in transit, in the background's memory only: uploads (an import sent in parts) and
 * downloads (an export too large for one reply, fetched part by part). Entries are forgotten once
 * used or after TTL_MS; a restarted service worker has none, and the page is told to try again.
 */
import { PART_CHARS, splitParts } from '../messaging/transfer';
import { RequestError } from './errors';

const TTL_MS = 10 * 60_000;

interface Entry {
  parts: (string | undefined)[];
  at: number;
}

export class Transfers {
  private readonly uploads = new Map<string, Entry>();
  private readonly downloads = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly partChars: number = PART_CHARS,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  private sweep(): void {
    const old = this.now() - TTL_MS;
    for (const map of [this.uploads, this.downloads]) for (const [id, e] of map) if (e.at < old) map.delete(id);
  }

  /** Keeps one part of an upload; returns how many of its parts have arrived. */
  putUploadPart(id: string, index: number, count: number, text: string): number {
    this.sweep();
    if (index >= count) throw new RequestError('bad-request', `Part ${index + 1} of ${count} does not exist.`);
    let entry = this.uploads.get(id);
    if (!entry || entry.parts.length !== count) {
      entry = { parts: new Array<string | undefined>(count).fill(undefined), at: this.now() };
      this.uploads.set(id, entry);
    }
    entry.parts[index] = text;
    entry.at = this.now();
    return entry.parts.filter((p) => p !== undefined).length;
  }

  /** The whole uploaded text (and forgets it), or a plain error when parts are missing. */
  takeUpload(id: string): string {
    this.sweep();
    const entry = this.uploads.get(id);
    this.uploads.delete(id);
    if (!entry || entry.parts.some((p) => p === undefined)) {
      throw new RequestError(
        'not-found',
        'Part of the backup file did not reach Vetted (the extension may have restarted). Nothing was changed. Please import it again.',
      );
    }
    return entry.parts.join('');
  }

  /** A reply-sized first part, and where to fetch the rest when there is more. */
  offerDownload(text: string): { text: string; parts?: { id: string; count: number } } {
    this.sweep();
    if (text.length <= this.partChars) return { text };
    const parts = splitParts(text, this.partChars);
    const id = this.newId();
    this.downloads.set(id, { parts: [undefined, ...parts.slice(1)], at: this.now() });
    return { text: parts[0]!, parts: { id, count: parts.length } };
  }

  /** Part `index` (1 and up) of an offered download; forgotten once every part was fetched. */
  downloadPart(id: string, index: number): string {
    this.sweep();
    const entry = this.downloads.get(id);
    const text = entry?.parts[index];
    if (!entry || text === undefined) {
      throw new RequestError('not-found', 'This export is no longer available (the extension may have restarted). Please export again.');
    }
    entry.parts[index] = undefined;
    entry.at = this.now();
    if (entry.parts.every((p) => p === undefined)) this.downloads.delete(id);
    return text;
  }
}
