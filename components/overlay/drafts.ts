/**
 * Unsent note drafts per contractor, kept in memory for the life of the frame: following a link to
 * another profile and back must not eat what the user typed. (Web storage is unavailable in
 * third-party frames in some browsers, and a note must not land in the marketplace's storage.)
 */
import type { NoteKind } from '../../lib/db/schema';

export interface NoteDraft {
  kind: NoteKind;
  body: string;
}

const drafts = new Map<string, NoteDraft>();

export function readDraft(contractorKey: string): NoteDraft {
  return drafts.get(contractorKey) ?? { kind: 'general', body: '' };
}

export function writeDraft(contractorKey: string, draft: NoteDraft): void {
  if (draft.body === '' && draft.kind === 'general') drafts.delete(contractorKey);
  else drafts.set(contractorKey, draft);
}
