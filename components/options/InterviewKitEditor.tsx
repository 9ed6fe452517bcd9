/**
 * issue 15: the interview kit's question sets, edited like the checklist: rename a kind of work,
 * edit its questions (one per line), add a kind, or reset to the defaults. Kit ids never change,
 * so saved interviews keep pointing at their kit.
 */
import { Plus, RotateCcw, Trash2 } from 'lucide-preact';
import { useState } from 'preact/hooks';
import type { InterviewKit } from '../../lib/db/schema';
import { DEFAULT_INTERVIEW_KITS } from '../../lib/domain/interview-kit';
import type { SaveSettings } from './types';
import { useSyncedState } from './use-synced-state';

export interface InterviewKitEditorProps {
  kits: readonly InterviewKit[] | undefined;
  save: SaveSettings;
}

const MAX_KITS = 50;
const MAX_QUESTIONS = 100;

const toLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim().slice(0, 2000))
    .filter(Boolean)
    .slice(0, MAX_QUESTIONS);

function KitRow({ kit, onChange, onRemove }: { kit: InterviewKit; onChange: (kit: InterviewKit) => void; onRemove?: () => void }) {
  const [label, setLabel] = useSyncedState(kit.label);
  const source = kit.questions.join('\n');
  const [questions, setQuestions] = useSyncedState(source);
  const commitLabel = () => {
    const next = label.trim().slice(0, 500);
    if (next && next !== kit.label) onChange({ ...kit, label: next });
    else setLabel(kit.label);
  };
  const commitQuestions = () => {
    const next = toLines(questions);
    if (next.join('\n') !== source) onChange({ ...kit, questions: next });
    setQuestions(next.join('\n'));
  };
  const id = `kit-${kit.id}`;
  return (
    <li class="kit-row" data-testid="kit-item" data-kit-id={kit.id}>
      <div class="v-row">
        <label class="v-sr-only" for={`${id}-label`}>
          Kind of work
        </label>
        <input
          id={`${id}-label`}
          class="v-input kit-row__label"
          value={label}
          maxLength={500}
          onInput={(e) => setLabel(e.currentTarget.value)}
          onBlur={commitLabel}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setLabel(kit.label);
          }}
        />
        <span class="v-xs v-muted">{kit.questions.length} questions</span>
        {onRemove && (
          <button type="button" class="v-btn v-btn--ghost v-btn--sm" aria-label={`Remove “${kit.label}”`} onClick={onRemove}>
            <Trash2 aria-hidden="true" /> Remove
          </button>
        )}
      </div>
      <label class="v-label" for={`${id}-questions`}>
        Questions for “{kit.label}”, one per line
      </label>
      <textarea
        id={`${id}-questions`}
        class="v-textarea kit-row__questions"
        rows={Math.min(10, Math.max(4, kit.questions.length + 1))}
        value={questions}
        onInput={(e) => setQuestions(e.currentTarget.value)}
        onBlur={commitQuestions}
      />
    </li>
  );
}

export function InterviewKitEditor({ kits, save }: InterviewKitEditorProps) {
  const list = kits ?? DEFAULT_INTERVIEW_KITS;
  const [confirmReset, setConfirmReset] = useState(false);
  const apply = (next: InterviewKit[]) => void save({ interviewKits: next });
  const defaults = new Set(DEFAULT_INTERVIEW_KITS.map((k) => k.id));

  const add = () => {
    const used = new Set(list.map((k) => k.id));
    let n = 1;
    while (used.has(`custom-${n}`)) n += 1;
    apply([...list, { id: `custom-${n}`, label: `New kind of work ${n}`, questions: ['How would you approach this project?'] }]);
  };

  return (
    <div class="v-stack">
      <ul class="kit-list" aria-label="Interview question sets">
        {list.map((kit, i) => (
          <KitRow
            key={kit.id}
            kit={kit}
            onChange={(k) => apply(list.map((x, j) => (j === i ? k : x)))}
            onRemove={defaults.has(kit.id) ? undefined : () => apply(list.filter((_, j) => j !== i))}
          />
        ))}
      </ul>
      <div class="v-row">
        <button type="button" class="v-btn" disabled={list.length >= MAX_KITS} onClick={add}>
          <Plus aria-hidden="true" /> Add a kind of work
        </button>
        <span class="v-spacer" />
        {confirmReset ? (
          <span class="v-row" role="group" aria-label="Reset the interview kit">
            <span class="v-small">Put back the default questions?</span>
            <button
              type="button"
              class="v-btn v-btn--danger v-btn--sm"
              onClick={() => {
                setConfirmReset(false);
                apply(DEFAULT_INTERVIEW_KITS.map((k) => ({ ...k, questions: [...k.questions] })));
              }}
            >
              Reset
            </button>
            <button type="button" class="v-btn v-btn--sm" onClick={() => setConfirmReset(false)}>
              Keep mine
            </button>
          </span>
        ) : (
          <button type="button" class="v-btn v-btn--ghost" onClick={() => setConfirmReset(true)}>
            <RotateCcw aria-hidden="true" /> Reset to defaults
          </button>
        )}
      </div>
    </div>
  );
}
