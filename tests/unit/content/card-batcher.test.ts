import { describe, expect, it } from 'vitest';
import { createCardBatcher, type Scheduler } from '../../../lib/content/card-batcher';

/** A scheduler the test runs by hand: `tick()` runs everything scheduled so far. */
function manualScheduler() {
  let queue: (() => void)[] = [];
  let scheduled = 0;
  const schedule: Scheduler = (run) => {
    scheduled++;
    queue.push(run);
    return () => {
      queue = queue.filter((r) => r !== run);
    };
  };
  return {
    schedule,
    get scheduled() {
      return scheduled;
    },
    get waiting() {
      return queue.length;
    },
    tick() {
      const runs = queue;
      queue = [];
      runs.forEach((r) => r());
    },
  };
}

const card = (name: string) => ({ name });

describe('createCardBatcher', () => {
  it('hands cards added during one tick over as one batch', () => {
    const s = manualScheduler();
    const batches: string[][] = [];
    const b = createCardBatcher<{ name: string }>({ schedule: s.schedule, onBatch: (cards) => batches.push(cards.map((c) => c.name)) });
    b.add([card('a'), card('b')]);
    b.add([card('c')]);
    expect(batches).toEqual([]);
    expect(s.scheduled).toBe(1);
    s.tick();
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('hands each card over once, however often the page is re-read', () => {
    const s = manualScheduler();
    const batches: string[][] = [];
    const b = createCardBatcher<{ name: string }>({ schedule: s.schedule, onBatch: (cards) => batches.push(cards.map((c) => c.name)) });
    const a = card('a');
    const bb = card('b');
    b.add([a, bb]);
    s.tick();
    b.add([a, bb]);
    expect(s.waiting).toBe(0);
    const later = card('later');
    b.add([a, bb, later]);
    s.tick();
    expect(batches).toEqual([['a', 'b'], ['later']]);
  });

  it('schedules nothing when nothing new arrived', () => {
    const s = manualScheduler();
    const b = createCardBatcher<object>({ schedule: s.schedule, onBatch: () => undefined });
    b.add([]);
    expect(s.scheduled).toBe(0);
  });

  it('splits very large arrivals into batches of at most maxBatch', () => {
    const s = manualScheduler();
    const sizes: number[] = [];
    const b = createCardBatcher<object>({ schedule: s.schedule, onBatch: (cards) => sizes.push(cards.length), maxBatch: 4 });
    b.add(Array.from({ length: 10 }, (_, i) => card(String(i))));
    s.tick();
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('flush() hands the queue over at once and cancels the scheduled tick', () => {
    const s = manualScheduler();
    const batches: number[] = [];
    const b = createCardBatcher<object>({ schedule: s.schedule, onBatch: (cards) => batches.push(cards.length) });
    b.add([card('a')]);
    b.flush();
    expect(batches).toEqual([1]);
    expect(s.waiting).toBe(0);
  });

  it('forget(card) lets a card come back (a recycled card now shows someone else)', () => {
    const s = manualScheduler();
    const batches: string[][] = [];
    const b = createCardBatcher<{ name: string }>({ schedule: s.schedule, onBatch: (cards) => batches.push(cards.map((c) => c.name)) });
    const a = card('a');
    b.add([a]);
    s.tick();
    b.forget(a);
    b.add([a]);
    s.tick();
    expect(batches).toEqual([['a'], ['a']]);
  });

  it('reset() drops what was queued and starts over; dispose() ignores everything after', () => {
    const s = manualScheduler();
    const batches: string[][] = [];
    const b = createCardBatcher<{ name: string }>({ schedule: s.schedule, onBatch: (cards) => batches.push(cards.map((c) => c.name)) });
    const a = card('a');
    b.add([a]);
    b.reset();
    expect(b.pending).toBe(0);
    s.tick();
    expect(batches).toEqual([]);
    b.add([a]);
    s.tick();
    expect(batches).toEqual([['a']]);
    b.dispose();
    b.add([card('z')]);
    s.tick();
    expect(batches).toEqual([['a']]);
  });
});
