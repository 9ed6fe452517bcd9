/** Size of what every marketplace page pays for: the content script, gzipped. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Figure } from './stats';

export function benchBundle(extDir: string): Figure[] {
  const dir = path.join(extDir, 'content-scripts');
  const figures: Figure[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const raw = fs.readFileSync(path.join(dir, file));
    const gz = zlib.gzipSync(raw, { level: 9 }).length / 1024;
    figures.push({ group: 'bundle', name: `content script ${file} (gzip)`, value: gz, unit: 'KB', goal: 15, note: `${(raw.length / 1024).toFixed(1)} KB raw` });
  }
  return figures;
}
