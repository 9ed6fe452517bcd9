/** One visit per page load or client-side navigation: what it shows, reads and reports, and that an ended visit does nothing. */
import { describe, expect, it } from 'vitest';
import { READ_SPACING, RESCAN_MS, SETTLE_MS, startVisit, type VisitParts } from '../../../lib/content/page-visit';
import type { PageReading } from '../../../lib/sites/reader';

const PROFILE = 'https://www.upwork.com/freelancers/~01abc';
const OTHER = 'https://www.upwork.com/freelancers/~02def';
const SEARCH = 'https://www.upwork.com/nx/search/talent/?q=logo';

/** A page whose URL and DOM the test moves by hand, and a clock whose timers it runs. */
function page(start = PROFILE) {
  const log: string[] = [];
  const timers = new Map<number, { at: number; run: () => void }>();
  let clock = 1_000;
  let nextId = 1;
  const state = { href: start, rendered: start, recycled: false };
  const keyOf = (href: string) => {
    const m = /freelancers\/(~\w+)/.exec(href);
    return m ? `upwork:${m[1]}` : null;
  };
  const reading = (href: string): PageReading => {
    const key = keyOf(href);
    return {
      site: 'upwork',
      profile: key ? ({ key, site: 'upwork', name: key } as PageReading['profile']) : null,
      cards: key ? [] : [{ key: 'upwork:~0card' } as unknown as PageReading['cards'][number]],
    } as PageReading;
  };
  const parts: VisitParts = {
    location: () => state.href,
    readPage: (url) => {
      log.push(`read ${url.href === state.rendered ? url.pathname : 'stale'}`);
      return state.rendered === 'gone' ? null : reading(state.rendered);
    },
    readAdded: (url, added) => {
      log.push(`read ${added.length} added`);
      return added.map((el) => ({ element: el, profile: { key: `upwork:${el.id}` } }) as unknown as PageReading['cards'][number]);
    },
    keyFromUrl: (url) => keyOf(url.href),
    overlay: { show: (key) => log.push(`show ${key}`), remove: () => log.push('remove') },
    badges: {
      update: (cards) => log.push(`badges ${cards.length}`),
      add: (cards) => {
        log.push(`add badges ${cards.length}`);
        return !state.recycled;
      },
      clear: () => log.push('clear badges'),
    },
    report: (r) => log.push(`report ${r.profile?.key ?? 'listing'}`),
    moved: (url) => log.push(`moved ${url.pathname}`),
    lost: () => log.push('lost'),
    setTimeout: (run, ms) => {
      timers.set(nextId, { at: clock + ms, run });
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id),
    now: () => clock,
  };
  const advance = (ms: number) => {
    clock += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > clock) continue;
      timers.delete(id);
      t.run();
    }
  };
  return { parts, log, state, advance, reading, pending: () => timers.size };
}

describe('a visit', () => {
  it('at load uses the first reading as it is: the frame for its contractor and its cards, nothing read or reported twice', () => {
    const p = page(SEARCH);
    const ends = new AbortController();
    startVisit(p.parts, SEARCH, ends.signal, { kind: 'loaded', reading: p.reading(SEARCH), current: true });
    expect(p.log).toEqual(['badges 1']);
    const q = page();
    startVisit(q.parts, PROFILE, ends.signal, { kind: 'loaded', reading: q.reading(PROFILE), current: true });
    expect(q.log).toEqual(['show upwork:~01abc', 'badges 0']);
  });

  it('at load reads again when the page changed before the switch answered, without reporting the same contractor twice', () => {
    const p = page();
    startVisit(p.parts, PROFILE, new AbortController().signal, { kind: 'loaded', reading: p.reading(PROFILE), current: false });
    expect(p.log).toEqual(['show upwork:~01abc', 'read /freelancers/~01abc', 'show upwork:~01abc', 'badges 0']);
  });

  it('after a client-side navigation follows the URL at once, then reads and reports on the first render', () => {
    const p = page();
    p.state.href = OTHER;
    const visit = startVisit(p.parts, OTHER, new AbortController().signal, { kind: 'navigated' });
    expect(p.log).toEqual(['show upwork:~02def', 'clear badges']);
    p.state.rendered = OTHER;
    visit.pageChanged();
    expect(p.log.slice(2)).toEqual(['read /freelancers/~02def', 'show upwork:~02def', 'badges 0', 'report upwork:~02def']);
    // The settle timer still reads once the page had time to render, but the contractor is reported once.
    p.advance(SETTLE_MS);
    expect(p.log.slice(6)).toEqual(['read /freelancers/~02def', 'show upwork:~02def', 'badges 0']);
  });

  it('reads a page that never says it rendered once it has had time to', () => {
    const p = page();
    p.state.href = SEARCH;
    startVisit(p.parts, SEARCH, new AbortController().signal, { kind: 'navigated' });
    expect(p.log).toEqual(['remove', 'clear badges']);
    p.state.rendered = SEARCH;
    p.advance(SETTLE_MS - 1);
    expect(p.log).toHaveLength(2);
    p.advance(1);
    expect(p.log.slice(2)).toEqual(['read /nx/search/talent/', 'remove', 'badges 1', 'report listing']);
  });

  it('reads a changing page at once after a quiet spell, then at most once per RESCAN_MS', () => {
    const p = page(SEARCH);
    const visit = startVisit(p.parts, SEARCH, new AbortController().signal, { kind: 'read' });
    const reads = () => p.log.filter((l) => l.startsWith('read')).length;
    expect(reads()).toBe(1);
    visit.pageChanged(); // leading edge: no read yet since the visit's own first one
    expect(reads()).toBe(2);
    for (let i = 0; i < 10; i++) {
      p.advance(RESCAN_MS / 10 - 1);
      visit.pageChanged();
    }
    expect(reads()).toBe(2);
    p.advance(RESCAN_MS);
    expect(reads()).toBe(3);
    expect(p.pending()).toBe(0);
  });

  it('spaces the reads of a page that is slow to read by READ_SPACING times their cost, however fast it changes', () => {
    const p = page(SEARCH);
    const cost = 300; // a read of 10,000 cards
    const read = p.parts.readPage;
    p.parts.readPage = (url) => {
      const r = read(url);
      p.advance(cost);
      return r;
    };
    const visit = startVisit(p.parts, SEARCH, new AbortController().signal, { kind: 'read' });
    const start = p.parts.now();
    // A new card every 50 ms for 30 s.
    while (p.parts.now() - start < 30_000) {
      p.advance(50);
      visit.pageChanged();
    }
    const reads = p.log.filter((l) => l.startsWith('read')).length;
    const spent = reads * cost;
    expect(reads).toBeGreaterThan(5);
    expect(spent / (p.parts.now() - start)).toBeLessThanOrEqual(1 / (1 + READ_SPACING) + 0.02);
  });

  it('that sees the URL moved on before the page said so hands over to the next visit', () => {
    const p = page();
    const visit = startVisit(p.parts, PROFILE, new AbortController().signal, {
      kind: 'loaded',
      reading: p.reading(PROFILE),
      current: true,
    });
    p.state.href = OTHER;
    p.advance(RESCAN_MS);
    visit.pageChanged();
    expect(p.log.at(-1)).toBe('moved /freelancers/~02def');
  });

  it('says the page is lost when the reader no longer understands it', () => {
    const p = page();
    p.state.rendered = 'gone';
    startVisit(p.parts, PROFILE, new AbortController().signal, { kind: 'read' });
    expect(p.log).toEqual(['read stale', 'lost']);
  });

  it('once ended, runs nothing it scheduled and ignores changes', () => {
    const p = page();
    p.state.href = OTHER;
    const ends = new AbortController();
    const visit = startVisit(p.parts, OTHER, ends.signal, { kind: 'navigated' });
    const before = [...p.log];
    ends.abort();
    expect(p.pending()).toBe(0);
    p.state.rendered = OTHER;
    visit.pageChanged();
    p.advance(SETTLE_MS * 2);
    expect(p.log).toEqual(before);
  });

  it('once it has read the whole page, reads only what the page adds, at once, and never the whole page again for it', () => {
    const p = page(SEARCH);
    const visit = startVisit(p.parts, SEARCH, new AbortController().signal, { kind: 'read' });
    const card = (id: string) => Object.assign(document.body.appendChild(document.createElement('div')), { id });
    // A new card every 50 ms for 30 s: each is read alone, in the mutation callback.
    for (let i = 0; i < 600; i++) {
      p.advance(50);
      visit.pageChanged([card(`~0${i}`)]);
    }
    p.advance(SETTLE_MS * 2);
    expect(p.log.filter((l) => l === 'read /nx/search/talent/')).toHaveLength(1);
    expect(p.log.filter((l) => l === 'read 1 added')).toHaveLength(600);
    expect(p.log.filter((l) => l === 'add badges 1')).toHaveLength(600);
    // Added and gone again before the callback: nothing to read.
    const gone = card('~0gone');
    gone.remove();
    visit.pageChanged([gone]);
    expect(p.log.at(-1)).toBe('add badges 1');
    expect(p.pending()).toBe(0);
  });

  it('reads the whole page again when an added card sits in a card known as someone else, or no nodes are named', () => {
    const p = page(SEARCH);
    const visit = startVisit(p.parts, SEARCH, new AbortController().signal, { kind: 'read' });
    p.advance(RESCAN_MS);
    p.state.recycled = true;
    visit.pageChanged([document.body.appendChild(document.createElement('div'))]);
    const steps = () => p.log.filter((l) => l.startsWith('read') || l.startsWith('add'));
    expect(steps()).toEqual(['read /nx/search/talent/', 'read 1 added', 'add badges 1', 'read /nx/search/talent/']);
    p.state.recycled = false;
    p.advance(RESCAN_MS);
    visit.pageChanged();
    expect(steps().slice(4)).toEqual(['read /nx/search/talent/']);
  });

  it('reads a profile page in full until its contractor is found, then only what is added', () => {
    const p = page();
    p.state.rendered = SEARCH; // the profile's contractor is not on the page yet
    const visit = startVisit(p.parts, PROFILE, new AbortController().signal, { kind: 'read' });
    p.advance(RESCAN_MS);
    visit.pageChanged([document.body.appendChild(document.createElement('div'))]);
    expect(p.log.filter((l) => l.startsWith('read'))).toEqual(['read stale', 'read stale']);
    p.state.rendered = PROFILE;
    p.advance(RESCAN_MS);
    visit.pageChanged([document.body.appendChild(document.createElement('div'))]);
    p.advance(RESCAN_MS);
    visit.pageChanged([document.body.appendChild(document.createElement('div'))]);
    expect(p.log.filter((l) => l.startsWith('read'))).toEqual(['read stale', 'read stale', 'read /freelancers/~01abc', 'read 1 added']);
  });

  it('puts the frame back for the contractor it showed when the page throws it out, without reading the page', () => {
    const p = page();
    const visit = startVisit(p.parts, PROFILE, new AbortController().signal, {
      kind: 'loaded',
      reading: p.reading(PROFILE),
      current: true,
    });
    visit.frameLost();
    expect(p.log).toEqual(['show upwork:~01abc', 'badges 0', 'show upwork:~01abc']);
  });
});
