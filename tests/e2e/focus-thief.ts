/**
 * issue 12, attack 6 (focus theft), shared by attacks.chromium and attacks.firefox: the page's
 * thief and what the note must hold afterwards.
 */
import { expect } from 'vitest';

export const TYPED_FIRST = 'Sergii asked for';
export const TYPED_THEN = ' a rate of $20';

/** Runs in the page: every 100 ms, while the frame has focus, the page focuses its own input. */
export function startFocusThief(): void {
  const bait = document.createElement('input');
  bait.id = 'bait';
  bait.setAttribute('aria-label', 'Search');
  document.body.prepend(bait);
  const w = window as unknown as { thief: number; tries: number };
  w.tries = 0;
  w.thief = window.setInterval(() => {
    if (document.activeElement?.tagName !== 'IFRAME') return;
    w.tries++;
    bait.focus();
  }, 100);
}

/** Runs in the page: how many times the thief took focus. */
export function thiefTries(): number {
  return (window as unknown as { tries: number }).tries;
}

/** Runs in the page: the thief stops and its input goes. */
export function stopFocusThief(): void {
  window.clearInterval((window as unknown as { thief: number }).thief);
  document.getElementById('bait')?.remove();
}

/**
 * The note keeps what was typed before and goes on. A key pressed in the very moment of a
 * take-back can be dropped (it reaches neither the page nor the note): at most one per try.
 */
export function expectTypedDespiteTheft(typed: string, triesWhileTyping: number): void {
  expect(typed.startsWith(TYPED_FIRST)).toBe(true);
  const after = typed.slice(TYPED_FIRST.length);
  expect(isSubsequence(after, TYPED_THEN)).toBe(true);
  expect(TYPED_THEN.length - after.length).toBeLessThanOrEqual(triesWhileTyping);
  expect(after.length).toBeGreaterThan(TYPED_THEN.length / 2);
}

/** Whether every character of `part` appears in `whole`, in order. */
function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (const ch of whole) if (i < part.length && part[i] === ch) i++;
  return i === part.length;
}
