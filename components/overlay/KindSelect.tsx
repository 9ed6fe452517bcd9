/** The kind of a note (general, interview, reference…). */
import { NOTE_KINDS } from '../../lib/db/constants';
import type { NoteKind } from '../../lib/db/schema';
import { NOTE_KIND_LABELS } from './labels';

export function KindSelect({ id, value, onChange }: { id: string; value: NoteKind; onChange: (k: NoteKind) => void }) {
  return (
    <select id={id} class="v-select ov-kind-select" value={value} onChange={(e) => onChange(e.currentTarget.value as NoteKind)}>
      {NOTE_KINDS.map((k) => (
        <option key={k} value={k}>
          {NOTE_KIND_LABELS[k]}
        </option>
      ))}
    </select>
  );
}
