/**
 * Names of the background's broadcasts. Kept apart from protocol.ts (which builds zod schemas) so
 * the content script can recognise them without carrying zod.
 */
export const CHANGE_EVENT = 'vetted:changed' as const;
export const TAB_CONTEXT_EVENT = 'vetted:tab-context' as const;
