import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

/** Real captures live outside the repo (see ../shared/fixtures/SOURCES.md); never copied in. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = process.env.VETTED_FIXTURES_DIR
  ? path.resolve(process.env.VETTED_FIXTURES_DIR)
  : path.resolve(REPO_ROOT, '../shared/fixtures');
export const RECONSTRUCTED = path.resolve(REPO_ROOT, 'tests/fixtures/reconstructed');

export function readCapture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/** Parses HTML like a browser tab would hold it, but with the page's scripts and frames inert. */
export function parseHtml(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const cache = new Map<string, Document>();

/**
 * A capture parsed once per test file and variant (happy-dom takes seconds on the largest pages);
 * readPage never mutates the document, so sharing it is safe.
 */
/** No state, no class names, no data-* attributes: only tags, links, text and ARIA are left. */
export function bareMarkup(html: string): string {
  return withRenamedClasses(withoutState(html)).replace(/\sdata-[\w-]+(?:="[^"]*")?/g, '');
}

type Variant = 'as-captured' | 'without-state' | 'renamed-classes' | 'bare-markup';
const VARIANTS: Record<Variant, (html: string) => string> = {
  'as-captured': (h) => h,
  'without-state': withoutState,
  'renamed-classes': withRenamedClasses,
  'bare-markup': bareMarkup,
};

export function loadCapture(rel: string, url: string, variant: Variant = 'as-captured'): Document {
  const key = `${variant} ${rel}`;
  let doc = cache.get(key);
  if (!doc) {
    const html = readCapture(rel);
    doc = parseHtml(VARIANTS[variant](html), url);
    cache.set(key, doc);
  }
  return doc;
}

/** Time budget for tests that parse real captures: happy-dom needs up to ~5 s per large page on a busy machine. */
export const PARSE_TIMEOUT = 60_000;

/** The capture with its embedded JSON state removed (as if the site stopped shipping it). */
export function withoutState(html: string): string {
  return html
    .replace(/<script[^>]*id="(?:perseus-initial-props|webapp-state)"[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<script[^>]*>\s*window\.__NUXT__[\s\S]*?<\/script>/g, '')
    .replace(/<script[^>]*type="application\/ld\+json"[^>]*>[\s\S]*?<\/script>/g, '');
}

/** The capture with every class name replaced by a meaningless hash (a site redesign / new CSS build). */
export function withRenamedClasses(html: string): string {
  let n = 0;
  return html.replace(/\sclass="[^"]*"/g, () => ` class="c${(n++).toString(36)}x"`);
}
