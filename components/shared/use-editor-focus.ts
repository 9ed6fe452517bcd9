/**
 * Focus for an editor that opens in place (issue 14): opening moves focus into it, so typing is
 * never lost; closing it (Save, Cancel, Esc) brings focus back to the button that opened it,
 * unless the user already moved focus somewhere else. Attach `editor` to the editor (or a wrapper:
 * its first field gets the focus) and `opener` to the button.
 */
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE = 'textarea, input:not([type="hidden"]), select, button, [tabindex]:not([tabindex="-1"])';

export function useEditorFocus<E extends HTMLElement = HTMLElement, O extends HTMLElement = HTMLElement>(open: boolean) {
  const editor = useRef<E>(null);
  const opener = useRef<O>(null);
  const was = useRef(open);
  useEffect(() => {
    if (open && !was.current) {
      const el = editor.current;
      const target = el && (el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE));
      target?.focus();
    } else if (!open && was.current) {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) opener.current?.focus();
    }
    was.current = open;
  }, [open]);
  return { editor, opener };
}

/** Esc handled by an inner editor: closes it and stops the overlay from collapsing too. */
export function onEscape(close: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
}
