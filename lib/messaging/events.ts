/**
 * Names of the background's broadcasts. Kept apart from protocol.ts (which builds zod schemas) so
 * the content script can recognise them without carrying zod.
 */
export const CHANGE_EVENT = 'vetted:changed' as const;
export const TAB_CONTEXT_EVENT = 'vetted:tab-context' as const;
/** Popup → side panel: show this project (lib/messaging/side-panel.ts). */
export const SHOW_PROJECT_EVENT = 'vetted:show-project' as const;

/** Background → the bound overlay frame of a tab, addressed by its nonce (lib/background/overlay-bindings.ts). */
export const OVERLAY_EVENT = 'vetted:overlay' as const;
export type OverlayEvent = { event: typeof OVERLAY_EVENT; to: string } & ({ kind: 'key'; key: string | null } | { kind: 'toggle' });

/** Background → the content script of the active tab: the keyboard shortcut (lib/background/commands.ts). */
export const TOGGLE_OVERLAY_MESSAGE = { type: 'vetted:toggle-overlay' } as const;

export function isToggleOverlayMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === TOGGLE_OVERLAY_MESSAGE.type;
}

/** Every event our own contexts send each other: the background's router answers none of them. */
export const OWN_EVENTS: readonly string[] = [CHANGE_EVENT, TAB_CONTEXT_EVENT, SHOW_PROJECT_EVENT, OVERLAY_EVENT];
