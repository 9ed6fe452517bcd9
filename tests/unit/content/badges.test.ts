import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadgeController } from '../../../lib/content/badges';
import { BADGE_SIZE, badgeButtonForTests, badgeParts } from '../../../lib/content/badge';
import type { Scheduler } from '../../../lib/content/card-batcher';
import { measureNow } from '../../../lib/content/card-layout';
import type { BadgeSummary } from '../../../lib/messaging/protocol';
import type { ListingCard } from '../../../lib/sites';

const summary = (key: string, over: Partial<BadgeSummary> = {}): BadgeSummary => ({
  key,
  status: 'shortlisted',
  projects: 0,
  vetted: { done: 6, total: 11, failed: 0 },
  ...over,
});

function cardFor(id: string): ListingCard {
  const el = document.createElement('article');
  el.className = 'card';
  el.textContent = id;
  document.body.append(el);
  return {
    element: el,
    profile: { key: `fiverr:${id}`, site: 'fiverr', siteId: id, name: id, profileUrl: `https://www.fiverr.com/${id}` },
  };
}

function setup(known: Record<string, BadgeSummary>) {
  const requests: string[][] = [];
  let queue: (() => void)[] = [];
  const schedule: Scheduler = (run) => {
    queue.push(run);
    return () => (queue = queue.filter((r) => r !== run));
  };
  const fetch = async (keys: string[]) => {
    requests.push(keys);
    return Object.fromEntries(keys.filter((k) => known[k]).map((k) => [k, known[k]!]));
  };
  // Boxes read at once: happy-dom lays nothing out and its IntersectionObserver never reports (card-layout.test.ts).
  const controller = createBadgeController(document, fetch, schedule, undefined, measureNow(window));
  const tick = async () => {
    const runs = queue;
    queue = [];
    runs.forEach((r) => r());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { controller, requests, tick };
}

const badgeKeys = () => [...document.querySelectorAll('[data-testid="vetted-badge"]')].map((b) => b.getAttribute('data-key'));

describe('badge controller', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('asks once per batch, and marks every recognised card, tracked or not', async () => {
    const { controller, requests, tick } = setup({ 'fiverr:known': summary('fiverr:known') });
    const cards = [cardFor('known'), cardFor('stranger'), cardFor('other')];
    controller.update(cards);
    controller.update(cards);
    await tick();
    expect(requests).toEqual([['fiverr:known', 'fiverr:stranger', 'fiverr:other']]);
    expect(badgeKeys()).toEqual(['fiverr:known', 'fiverr:stranger', 'fiverr:other']);
    expect(cards[0]!.element.firstElementChild?.getAttribute('data-key')).toBe('fiverr:known');
  });

  it('asks only about new keys when more cards arrive', async () => {
    const { controller, requests, tick } = setup({ 'fiverr:late': summary('fiverr:late') });
    const first = [cardFor('a'), cardFor('b')];
    controller.update(first);
    await tick();
    const again = cardFor('a');
    controller.update([...first, again, cardFor('late')]);
    await tick();
    expect(requests).toEqual([['fiverr:a', 'fiverr:b'], ['fiverr:late']]);
    expect(badgeKeys()).toEqual(['fiverr:a', 'fiverr:b', 'fiverr:a', 'fiverr:late']);
  });

  it("reads every card's position before inserting any badge, and anchors only static cards", async () => {
    const keys = ['a', 'b', 'c', 'd'];
    const { controller, tick } = setup(Object.fromEntries(keys.map((k) => [`fiverr:${k}`, summary(`fiverr:${k}`)])));
    const cards = keys.map(cardFor);
    // happy-dom has no user-agent style sheet: say 'static' out loud, as a browser would compute it.
    cards.forEach((c, i) => ((c.element as HTMLElement).style.position = i === 1 ? 'absolute' : 'static'));
    const events: string[] = [];
    const realStyle = window.getComputedStyle.bind(window);
    const spy = vi.spyOn(window, 'getComputedStyle').mockImplementation((el, pseudo) => {
      events.push('read');
      return realStyle(el, pseudo);
    });
    const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.length && events.push('insert')));
    cards.forEach((c) => observer.observe(c.element, { childList: true }));
    try {
      controller.update(cards);
      await tick();
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      spy.mockRestore();
    }
    expect(badgeKeys()).toEqual(keys.map((k) => `fiverr:${k}`));
    // One style read per card, all before the first insertion (no forced recalculation per card).
    expect(events).toEqual([...keys.map(() => 'read'), ...keys.map(() => 'insert')]);
    expect(cards.map((c) => (c.element as HTMLElement).style.position)).toEqual(['relative', 'absolute', 'relative', 'relative']);
  });

  it('puts the mark in a card corner clear of the avatar and name (Freelancer.com directory, issue 14)', async () => {
    const { controller, tick } = setup({});
    const card = cardFor('flcard');
    const rect = (left: number, top: number, width: number, height: number) => () =>
      ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
    card.element.getBoundingClientRect = rect(200, 100, 880, 180);
    const avatar = document.createElement('img');
    avatar.getBoundingClientRect = rect(224, 116, 80, 80);
    const name = document.createElement('a');
    name.href = 'https://www.freelancer.com/u/flcard';
    name.getBoundingClientRect = rect(320, 116, 120, 20);
    card.element.append(avatar, name);
    controller.update([card]);
    await tick();
    const host = card.element.querySelector<HTMLElement>('[data-testid="vetted-badge"]')!;
    expect([host.style.getPropertyValue('top'), host.style.getPropertyValue('right'), host.style.getPropertyValue('left')]).toEqual([
      '8px',
      '8px',
      'auto',
    ]);
    // A card with nothing in its top-left corner keeps the mark there.
    const plain = cardFor('plain');
    controller.update([plain]);
    await tick();
    const other = plain.element.querySelector<HTMLElement>('[data-testid="vetted-badge"]')!;
    expect([other.style.getPropertyValue('top'), other.style.getPropertyValue('left')]).toEqual(['8px', '8px']);
  });

  it('keeps the badge host closed to the page', async () => {
    const { controller, tick } = setup({ 'fiverr:known': summary('fiverr:known', { averageRating: 4.5, projects: 2 }) });
    controller.update([cardFor('known')]);
    await tick();
    const host = document.querySelector('[data-testid="vetted-badge"]')!;
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    expect(host.getAttributeNames().sort()).toEqual(['data-key', 'data-testid', 'style']);
  });

  it('refresh() redraws inside the same mark after a change elsewhere, tracked or not', async () => {
    const known: Record<string, BadgeSummary> = {};
    const { controller, requests, tick } = setup(known);
    controller.update([cardFor('x')]);
    await tick();
    const host = document.querySelector('[data-testid="vetted-badge"]')!;
    expect(badgeButtonForTests(host)?.getAttribute('aria-label')).toMatch(/^Vetted: not tracked yet/);
    known['fiverr:x'] = summary('fiverr:x');
    await controller.refresh(['fiverr:x', 'fiverr:not-on-page']);
    expect(requests.at(-1)).toEqual(['fiverr:x']);
    expect(document.querySelector('[data-testid="vetted-badge"]')).toBe(host);
    expect(badgeButtonForTests(host)?.getAttribute('aria-label')).toMatch(/^Vetted: Shortlisted/);
    delete known['fiverr:x'];
    await controller.refresh();
    expect(document.querySelector('[data-testid="vetted-badge"]')).toBe(host);
    expect(badgeButtonForTests(host)?.getAttribute('aria-label')).toMatch(/^Vetted: not tracked yet/);
  });

  it('gives every state the same host, size and drawing structure, with no text node anywhere (issue 12)', async () => {
    const states: Record<string, BadgeSummary> = {
      'fiverr:s': summary('fiverr:s'),
      'fiverr:a': summary('fiverr:a', { status: 'avoid', averageRating: 2.5, projects: 3, vetted: { done: 3, total: 12, failed: 2 } }),
      'fiverr:h': summary('fiverr:h', { status: 'hired', averageRating: 5, projects: 1 }),
      'fiverr:p': summary('fiverr:p', { status: 'prospect' }),
    };
    const { controller, tick } = setup(states);
    controller.update(['s', 'a', 'h', 'p', 'untracked'].map(cardFor));
    await tick();
    const hosts = [...document.querySelectorAll<HTMLElement>('[data-testid="vetted-badge"]')];
    expect(hosts).toHaveLength(5);
    const shape = (host: HTMLElement) => {
      const button = badgeButtonForTests(host)!;
      const root = button.getRootNode() as ShadowRoot;
      const texts: string[] = [];
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) texts.push(walker.currentNode.nodeValue ?? '');
      return {
        host: { attrs: host.getAttributeNames().sort(), style: host.style.cssText },
        tags: [...button.querySelectorAll('*')].map((e) => e.localName),
        texts,
        rootChildren: [...root.children].map((e) => e.localName),
      };
    };
    const first = shape(hosts[0]!);
    expect(first.texts).toEqual([]);
    expect(first.host.style).toContain(`width: ${BADGE_SIZE.width}px`);
    for (const host of hosts) expect(shape(host)).toEqual(first);
    // The words are for the user alone: in the label inside the closed root.
    expect(badgeButtonForTests(hosts[1]!)?.getAttribute('aria-label')).toBe(
      'Vetted: Avoid, your rating 2.5 of 5 over 3 projects, vetting 3 of 12 checked, 2 failed. Open the profile to change it.',
    );
    expect(hosts.every((h) => h.textContent === '' && h.shadowRoot === null)).toBe(true);
  });

  it('shortlists on a real click only, and un-shortlists on the next', async () => {
    const onShortlist = vi.fn();
    let queue: (() => void)[] = [];
    const known: Record<string, BadgeSummary> = { 'fiverr:s': summary('fiverr:s'), 'fiverr:h': summary('fiverr:h', { status: 'hired' }) };
    const controller = createBadgeController(
      document,
      async (keys) => Object.fromEntries(keys.filter((k) => known[k]).map((k) => [k, known[k]!])),
      (run) => {
        queue.push(run);
        return () => (queue = queue.filter((r) => r !== run));
      },
      onShortlist,
      measureNow(window),
    );
    const cards = ['new', 's', 'h'].map(cardFor);
    controller.update(cards);
    queue.forEach((r) => r());
    await new Promise((r) => setTimeout(r, 0));
    const buttons = [...document.querySelectorAll('[data-testid="vetted-badge"]')].map((h) => badgeButtonForTests(h)!);
    // A click the page dispatches is not trusted: nothing happens.
    buttons[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onShortlist).not.toHaveBeenCalled();
    const trusted = (el: Element) => {
      const ev = new MouseEvent('click', { bubbles: true, composed: true });
      Object.defineProperty(ev, 'isTrusted', { value: true });
      el.dispatchEvent(ev);
    };
    trusted(buttons[0]!);
    trusted(buttons[1]!);
    trusted(buttons[2]!);
    expect(onShortlist.mock.calls.map(([p, next]) => [p.key, next])).toEqual([
      ['fiverr:new', 'shortlisted'],
      ['fiverr:s', 'prospect'],
    ]);
  });

  it('follows a recycled card that now shows someone else', async () => {
    const { controller, tick } = setup({ 'fiverr:one': summary('fiverr:one'), 'fiverr:two': summary('fiverr:two') });
    const card = cardFor('one');
    controller.update([card]);
    await tick();
    controller.update([{ element: card.element, profile: { ...card.profile, key: 'fiverr:two', siteId: 'two' } }]);
    await tick();
    expect(badgeKeys()).toEqual(['fiverr:two']);
  });

  it('puts the badge back when the site re-renders the card without it', async () => {
    const { controller, tick } = setup({ 'fiverr:k': summary('fiverr:k') });
    const card = cardFor('k');
    controller.update([card]);
    await tick();
    card.element.replaceChildren('re-rendered');
    controller.update([card]);
    await tick();
    expect(badgeKeys()).toEqual(['fiverr:k']);
  });

  it('add(): a card from added nodes is marked once, even when the page adds inside it or wraps it', async () => {
    const { controller, requests, tick } = setup({});
    const [a] = [cardFor('a')];
    controller.update([a!]);
    await tick();
    // The page adds a part of a's card holding a's link: that is a's card growing, not a new one.
    const part = a!.element.appendChild(document.createElement('div'));
    expect(controller.add([{ element: part, profile: a!.profile }])).toBe(true);
    // The page moves a's card into a new wrapper: the card inside is already marked.
    const wrapper = document.createElement('section');
    a!.element.before(wrapper);
    wrapper.append(a!.element);
    expect(controller.add([{ element: wrapper, profile: a!.profile }])).toBe(true);
    // A new card, appended: marked, with one more request.
    const b = cardFor('b');
    expect(controller.add([b])).toBe(true);
    await tick();
    expect(requests).toEqual([['fiverr:a'], ['fiverr:b']]);
    expect(badgeKeys()).toEqual(['fiverr:a', 'fiverr:b']);
  });

  it('add(): a card inside a card known as someone else asks for a full reading; the same element re-filled is followed', async () => {
    const { controller, tick } = setup({});
    const a = cardFor('a');
    controller.update([a]);
    await tick();
    const inner = a.element.appendChild(document.createElement('div'));
    expect(controller.add([{ element: inner, profile: cardFor('c').profile }])).toBe(false);
    expect(controller.add([{ element: a.element, profile: cardFor('d').profile }])).toBe(true);
    await tick();
    expect(a.element.firstElementChild?.getAttribute('data-key')).toBe('fiverr:d');
  });

  it('clear() removes every badge and forgets the cards; dispose() stops drawing', async () => {
    const { controller, requests, tick } = setup({ 'fiverr:k': summary('fiverr:k') });
    const card = cardFor('k');
    controller.update([card]);
    await tick();
    controller.clear();
    expect(badgeKeys()).toEqual([]);
    controller.update([card]);
    await tick();
    expect(requests).toHaveLength(2);
    expect(badgeKeys()).toEqual(['fiverr:k']);
    controller.dispose();
    controller.update([cardFor('k')]);
    await tick();
    expect(badgeKeys()).toEqual([]);
  });
});

describe('badgeParts', () => {
  it('says status, rating and progress, and counts failed checks', () => {
    const parts = badgeParts(
      summary('fiverr:k', { status: 'avoid', averageRating: 2.25, projects: 1, vetted: { done: 3, total: 12, failed: 2 } }),
    );
    expect(parts.status).toBe('Avoid');
    expect(parts.rating).toBe('★ 2.3');
    expect(parts.vetted).toBe('3/12');
    expect(parts.label).toBe('Vetted: Avoid, your rating 2.3 of 5 over 1 project, vetting 3 of 12 checked, 2 failed');
  });

  it('leaves the rating out when there is none', () => {
    const parts = badgeParts(summary('fiverr:k'));
    expect(parts.rating).toBeUndefined();
    expect(parts.label).toBe('Vetted: Shortlisted, vetting 6 of 11 checked');
  });
});
