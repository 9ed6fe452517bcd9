/** Diagnostic: the popup header's first paint from two builds and a blank page, interleaved (argv: build dirs). */
import type { Page } from 'playwright-core';
import { blankPageExtension, launch, unpackedExtensionId } from './browser';
import { shownAfter } from './big-db';
import { median } from './stats';

const dirs = process.argv.slice(2);
const blank = blankPageExtension();
const b = await launch(dirs[0]!, [...dirs.slice(1), blank]);
const at = async (url: string, sel: string) => {
  const p: Page = await b.context.newPage();
  try {
    return (await shownAfter(p, url, sel)).content;
  } finally {
    await p.close();
  }
};
try {
  const pages = [
    ...dirs.map((d) => `chrome-extension://${unpackedExtensionId(d)}/popup.html`),
    `chrome-extension://${unpackedExtensionId(blank)}/floor.html`,
  ];
  const sels = [...dirs.map(() => '.pp-header h1'), '[data-testid="floor"]'];
  const t: number[][] = pages.map(() => []);
  for (let i = 0; i < pages.length; i++) await at(pages[i]!, sels[i]!);
  for (let run = 0; run < 16; run++) {
    const order = pages.map((_, i) => (i + run) % pages.length);
    for (const i of order) t[i]!.push(await at(pages[i]!, sels[i]!));
  }
  pages.forEach((p, i) => console.log(`${median(t[i]!).toFixed(0).padStart(5)} ms  ${dirs[i] ?? 'floor'}  ${p}`));
} finally {
  await b.close();
}
