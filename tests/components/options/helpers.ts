import { vi } from 'vitest';
import { defaultSettings } from '../../../lib/db/repositories/settings';
import type { Settings } from '../../../lib/db/schema';

export const NOW = Date.UTC(2026, 10, 27, 12);
export const DAY = 86_400_000;

export function settings(patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), updatedAt: NOW - DAY, ...patch };
}

/** Stubs the Blob URL + `<a download>` path so a test can see what would be saved. */
export function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}
