/**
 * Router fuzz: thousands of random and mutated requests (wrong types, missing fields, huge strings,
 * prototype-pollution keys, unknown types, foreign senders). Each must be answered with an error
 * reply — never a throw, never a write, never a polluted prototype.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { REQUESTS, type RequestType } from '../../../lib/messaging/protocol';
import { makeHarness, senders, snapshot, type Harness } from '../background/harness';
import { rng } from './rng';

const TYPES = Object.keys(REQUESTS) as RequestType[];

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 14);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return r() < 0.5;
    case 3:
      return Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1);
    case 4:
      return [NaN, Infinity, -Infinity, -0, 1.5, Number.MAX_SAFE_INTEGER + 2][Math.floor(r() * 6)];
    case 5:
      return 'x'.repeat(Math.floor(r() * 3) === 0 ? 200_000 : Math.floor(r() * 40));
    case 6:
      return ['upwork:~01abc', 'fiverr:bob', '', '<script>alert(1)</script>', '__proto__', 'constructor', '\u202e\u0000'][
        Math.floor(r() * 7)
      ];
    case 7:
      return new Date(0).toISOString();
    case 8:
      return depth > 3
        ? {}
        : Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, () => [randomKey(r), randomValue(r, depth + 1)]));
    case 9:
      return depth > 3 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    case 10:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 11:
      return { toString: 'nope', valueOf: 1 };
    case 12:
      return '2026-02-30';
    default:
      return -1;
  }
}

function randomKey(r: () => number): string {
  return ['__proto__', 'constructor', 'prototype', 'key', 'id', 'payload', 'type', 'patch', 'profile', 'x'.repeat(1000), ''][
    Math.floor(r() * 11)
  ]!;
}

/** A valid-looking request with one thing broken. */
function mutate(r: () => number): Record<string, unknown> {
  const base: Record<string, unknown> = {
    key: 'upwork:~01abc',
    contractorKey: 'upwork:~01abc',
    itemId: 'interview',
    kind: 'general',
    body: 'hello',
    id: 'p1',
    projectId: 'p1',
    title: 'Site',
    profile: snapshot(),
    patch: { status: 'avoid' },
  };
  const keys = Object.keys(base);
  const victim = keys[Math.floor(r() * keys.length)]!;
  const how = Math.floor(r() * 4);
  if (how === 0) delete base[victim];
  else if (how === 1) base[victim] = randomValue(r);
  else if (how === 2) base[randomKey(r)] = randomValue(r);
  else Object.defineProperty(base, '__proto__', { value: { polluted: true }, enumerable: true });
  return base;
}

const VALID_WRITES = [
  { type: 'updateContractor', payload: { key: 'upwork:~01abc', patch: { status: 'avoid' } } },
  { type: 'saveNote', payload: { contractorKey: 'upwork:~01abc', kind: 'general', body: 'planted' } },
  { type: 'reportPage', payload: { site: 'upwork', profile: snapshot({ name: 'Planted name' }) } },
  { type: 'deleteEverything', payload: { confirm: 'DELETE' } },
  { type: 'createProject', payload: { title: 'Planted project' } },
];

describe('router fuzz', () => {
  let h: Harness;
  const foreign = [
    { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
    { id: undefined, url: 'https://evil.example/' },
    { url: 'https://www.upwork.com/freelancers/~01abc' },
  ];

  beforeAll(async () => {
    h = makeHarness();
    // One real contractor, so mutated requests aimed at it would have something to damage.
    await h.ok('trackContractor', { profile: snapshot() });
  });

  it('answers ≥ 1,000 random, mutated and foreign requests with errors and writes nothing', async () => {
    const before = await h.counts();
    const contractorBefore = await h.db.contractors.get('upwork:~01abc');
    const r = rng(20261127);
    let errors = 0;
    const total = 1500;
    for (let i = 0; i < total; i++) {
      const kind = i % 5;
      let message: unknown;
      let sender = senders.popup();
      if (kind === 0)
        message = randomValue(r); // not even an object
      else if (kind === 1)
        message = { type: randomValue(r), payload: randomValue(r) }; // unknown/garbled type
      else if (kind === 2) {
        // A valid write request from a foreign sender (another extension, a web page, no id).
        message = VALID_WRITES[Math.floor(r() * VALID_WRITES.length)];
        sender = foreign[Math.floor(r() * foreign.length)] as never;
      } else if (kind === 3) {
        // Page-only request from a content script.
        const pageOnly = TYPES.filter((t) => REQUESTS[t].from === 'page' && !/^(get|list|export)/.test(t));
        message = { type: pageOnly[Math.floor(r() * pageOnly.length)], payload: { key: 'upwork:~01abc', patch: { status: 'avoid' } } };
        sender = senders.content();
      } else {
        // A write type with a mutated, invalid payload from a legitimate page.
        const type = (
          ['updateContractor', 'setCheck', 'saveNote', 'createProject', 'savePayment', 'importBackup', 'deleteEverything'] as const
        )[Math.floor(r() * 7)];
        const payload = mutate(r);
        // Make sure it is invalid for its schema: add an unknown key the strict schemas refuse.
        payload['unexpected' + i] = randomValue(r);
        message = { type, payload };
      }
      let reply: unknown;
      try {
        reply = await h.router(message, sender as never);
      } catch (err) {
        throw new Error(`request ${i} threw: ${String(err)}`);
      }
      if (reply === undefined) continue; // our own broadcast shape, ignored by design
      expect(reply, `request ${i}`).toMatchObject({ ok: false });
      expect(typeof (reply as { error: unknown }).error).toBe('string');
      errors++;
    }
    expect(errors).toBeGreaterThanOrEqual(1000);
    expect(await h.counts()).toEqual(before);
    expect(await h.db.contractors.get('upwork:~01abc')).toEqual(contractorBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 60_000);

  it('still serves good requests after the storm', async () => {
    const view = await h.ok('getContractor', { key: 'upwork:~01abc' });
    expect(view?.contractor.name).toBe(snapshot().name);
    expect(browser.runtime.id).toBeTruthy();
  });
});
