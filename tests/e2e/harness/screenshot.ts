import fs from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS_DIR } from './paths';

/** A Playwright or Puppeteer page or element: both take `screenshot({ path })`. */
export interface Screenshottable {
  screenshot(options: { path: string }): Promise<unknown>;
}

/**
 * Saves `<SCREENSHOTS_DIR>/<name>.png` (test-results/screenshots, ignored; `npm run screenshots` copies the README's to docs/screenshots). Shoots the viewport,
 * not the full page, to keep the images small; pass an element handle to shoot just that.
 */
export async function screenshot(target: Screenshottable, name: string): Promise<string> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
    throw new Error(`Screenshot name "${name}" must be kebab-case (it becomes a committed file name)`);
  }
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await target.screenshot({ path: file });
  return file;
}
