/**
 * issue 12, attack 6 (focus theft): a page that moves the keyboard to its own input while the user
 * types a note in Vetted's frame would receive the rest of the note. While the overlay says the
 * user is typing (`overlayTyping`, through the background), a focus move into the page that no
 * trusted pointer press in the page explains is undone at once: focus events are dispatched inside
 * the page's own `focus()` call, so the frame has the keyboard back before the next key is read.
 * Moving on with Tab is not affected: the overlay stops saying "typing" as soon as the note field
 * loses focus inside the frame. At most 20 take-backs a second (a page fighting back in a loop).
 */
export interface FocusKeeper {
  /** The overlay says the user is typing (true) or stopped (false). */
  typing(on: boolean): void;
  dispose(): void;
}

/** Typing lasts this long after the overlay's last word (it repeats it while keys come). */
const TYPING_MS = 4_000;
/** A press in the page this recent explains a focus move there. */
const POINTER_MS = 800;

export function createFocusKeeper(frame: () => HTMLIFrameElement | null, win: Window = window, now = () => performance.now()): FocusKeeper {
  const doc = win.document;
  let typingUntil = 0;
  let pressedAt = -Infinity;
  let windowStart = 0;
  let takes = 0;

  const onPress = (e: Event) => {
    if (e.isTrusted && e.target !== frame()) pressedAt = now();
  };
  const onFocusIn = (e: FocusEvent) => {
    const iframe = frame();
    if (!iframe || now() > typingUntil || now() - pressedAt < POINTER_MS) return;
    const target = e.target as Node | null;
    if (!target || target === iframe || iframe.contains(target)) return;
    const t = now();
    if (t - windowStart > 1_000) {
      windowStart = t;
      takes = 0;
    }
    if (++takes > 20) return;
    (target as HTMLElement).blur?.();
    iframe.focus();
  };
  for (const type of ['pointerdown', 'mousedown', 'touchstart']) win.addEventListener(type, onPress, true);
  doc.addEventListener('focusin', onFocusIn, true);
  return {
    typing(on) {
      typingUntil = on ? now() + TYPING_MS : 0;
    },
    dispose() {
      for (const type of ['pointerdown', 'mousedown', 'touchstart']) win.removeEventListener(type, onPress, true);
      doc.removeEventListener('focusin', onFocusIn, true);
    },
  };
}
