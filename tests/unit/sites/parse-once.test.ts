/** Embedded page state is parsed once per visit (issue 12, attack 13: 16–20 MB of JSON state). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetPageState, oncePerText } from '../../../lib/sites/util/parse-once';
import { jsonScript } from '../../../lib/sites/util/dom';
import { jsonLdNodes } from '../../../lib/sites/util/json-ld';

afterEach(() => forgetPageState());

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('oncePerText', () => {
  it('computes once per element while its text stays, again when it changes or the visit ends', () => {
    const doc = page('<script id="s" type="application/json">{"a":1}</script>');
    const el = doc.getElementById('s')!;
    const compute = vi.fn((t: string) => t.length);
    expect(oncePerText(el, 'len', compute)).toBe(7);
    expect(oncePerText(el, 'len', compute)).toBe(7);
    expect(compute).toHaveBeenCalledTimes(1);
    el.textContent = '{"a":12}';
    expect(oncePerText(el, 'len', compute)).toBe(8);
    expect(compute).toHaveBeenCalledTimes(2);
    forgetPageState();
    expect(oncePerText(el, 'len', compute)).toBe(8);
    expect(compute).toHaveBeenCalledTimes(3);
    // Another purpose is its own computation.
    expect(oncePerText(el, 'other', () => 'x')).toBe('x');
  });

  it('sees a text split over several nodes, and the same element with a replaced text', () => {
    const doc = page('<script id="s"></script>');
    const el = doc.getElementById('s')!;
    el.append(doc.createTextNode('{"a":'), doc.createTextNode('1}'));
    expect(oncePerText(el, 'json', (t) => JSON.parse(t) as unknown)).toEqual({ a: 1 });
    el.replaceChildren(doc.createTextNode('{"b":2}'));
    expect(oncePerText(el, 'json', (t) => JSON.parse(t) as unknown)).toEqual({ b: 2 });
  });
});

describe('the adapters’ state readers', () => {
  it('parse a big JSON state once however often the page is read', () => {
    const state = JSON.stringify({ cards: Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `Seller ${i}` })) });
    const doc = page(
      `<script id="state" type="application/json">${state}</script><script type="application/ld+json">{"@type":"Person","name":"Ada"}</script>`,
    );
    const parse = vi.spyOn(JSON, 'parse');
    const first = jsonScript(doc, 'script#state');
    for (let i = 0; i < 50; i++) {
      expect(jsonScript(doc, 'script#state')).toBe(first);
      expect(jsonLdNodes(doc)[0]?.name).toBe('Ada');
    }
    expect(parse).toHaveBeenCalledTimes(2);
    expect((first as { cards: unknown[] }).cards).toHaveLength(20_000);
  });

  it('still skip a broken block and read the others', () => {
    const doc = page(
      '<script type="application/ld+json">{broken</script><script type="application/ld+json">{"@type":"Person","name":"Ada"}</script>',
    );
    expect(jsonLdNodes(doc).map((n) => n.name)).toEqual(['Ada']);
    expect(jsonLdNodes(doc).map((n) => n.name)).toEqual(['Ada']);
  });
});
