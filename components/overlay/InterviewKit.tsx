/**
 * issue 15: the interview kit in the overlay. Pick the kind of work, answer each question in a few
 * words while you talk; the answers are saved as one interview note that keeps its questions, and
 * "Interview held" is ticked once any question has an answer. Answers typed but not saved survive
 * collapsing the overlay or visiting another profile (kept in memory for the frame's life).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ChevronDown, ChevronRight, ClipboardList, Save } from 'lucide-preact';
import type { InterviewKit as Kit, Note } from '../../lib/db/schema';
import { answersFor, formatInterviewNote, hasAnswers, parseInterviewNote, type InterviewAnswer } from '../../lib/domain/interview-kit';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { useSave } from '../shared/use-save';
import './kit-rehire.css';

export interface InterviewKitProps {
  contractorKey: string;
  notes: readonly Note[];
  kits: readonly Kit[];
}

interface Draft {
  kitId: string;
  answers: InterviewAnswer[];
}
const drafts = new Map<string, Draft>();

/** The newest interview note written by the kit, with what it says. */
function savedKitNote(notes: readonly Note[]) {
  let best: { note: Note; parsed: NonNullable<ReturnType<typeof parseInterviewNote>> } | null = null;
  for (const note of notes) {
    if (note.kind !== 'interview') continue;
    const parsed = parseInterviewNote(note.body);
    if (parsed && (!best || note.updatedAt > best.note.updatedAt)) best = { note, parsed };
  }
  return best;
}

export function InterviewKit({ contractorKey, notes, kits }: InterviewKitProps) {
  const saved = useMemo(() => savedKitNote(notes), [notes]);
  const savedKit = saved ? kits.find((k) => k.label === saved.parsed.kitLabel) : undefined;
  const initial = (): Draft | null => {
    const draft = drafts.get(contractorKey);
    if (draft) return draft;
    if (saved) {
      const kit = savedKit ?? kits[kits.length - 1];
      return kit ? { kitId: kit.id, answers: answersFor(savedKit ? kit.questions : [], saved.parsed.answers) } : null;
    }
    return null;
  };
  const [draft, setDraftState] = useState<Draft | null>(initial);
  const [open, setOpen] = useState(() => drafts.has(contractorKey));
  const [status, setStatus] = useState<string>();
  const save = useSave();

  useEffect(() => {
    setDraftState(initial());
    setOpen(drafts.has(contractorKey));
    setStatus(undefined);
  }, [contractorKey]);

  const setDraft = (next: Draft | null) => {
    setDraftState(next);
    if (next) drafts.set(contractorKey, next);
    else drafts.delete(contractorKey);
    setStatus(undefined);
  };

  const chooseKit = (id: string) => {
    const kit = kits.find((k) => k.id === id);
    if (!kit) return setDraft(null);
    // Answers already typed stay with their question (and are kept when the kit lacks it).
    const typed = draft?.answers.filter((a) => a.answer.trim()) ?? (saved ? saved.parsed.answers : []);
    setDraft({ kitId: kit.id, answers: answersFor(kit.questions, typed) });
  };

  const kit = draft ? kits.find((k) => k.id === draft.kitId) : undefined;
  const answered = draft ? draft.answers.filter((a) => a.answer.trim()).length : 0;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!draft || !kit) return;
    const body = formatInterviewNote(kit.label, draft.answers);
    const ok = await save.run(() => send('saveInterview', { contractorKey, ...(saved ? { id: saved.note.id } : {}), body }));
    if (ok) {
      drafts.delete(contractorKey);
      setStatus(
        hasAnswers(draft.answers)
          ? `Saved ${answered} answer${answered === 1 ? '' : 's'} as an interview note. “Interview held” is ticked.`
          : 'Saved the questions as an interview note. Answer at least one to tick “Interview held”.',
      );
    }
  };

  const summary = saved
    ? `${saved.parsed.answers.filter((a) => a.answer.trim()).length} of ${saved.parsed.answers.length} answered · ${saved.parsed.kitLabel}`
    : 'Questions for the kind of work';

  return (
    <section class="ov-section ov-kit" aria-labelledby="ov-kit-title">
      <div class="ov-section__head v-row">
        <h2 id="ov-kit-title" class="ov-h2">
          <button type="button" class="ov-kit__toggle" aria-expanded={open} aria-controls="ov-kit-body" onClick={() => setOpen((v) => !v)}>
            {open ? <ChevronDown size={16} aria-hidden="true" /> : <ChevronRight size={16} aria-hidden="true" />}
            Interview kit
          </button>
        </h2>
        <span class="v-xs v-muted v-ellipsis">{summary}</span>
      </div>
      {open && (
        <form id="ov-kit-body" class="v-stack ov-kit__body" onSubmit={submit} aria-label="Interview kit">
          <div class="v-field">
            <label class="v-label" for="ov-kit-kind">
              Kind of work
            </label>
            <select id="ov-kit-kind" class="v-select" value={draft?.kitId ?? ''} onChange={(e) => chooseKit(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {kits.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          {!draft && (
            <p class="v-small v-muted">
              <ClipboardList size={14} aria-hidden="true" /> Pick the kind of work to get questions worth asking: approach, samples,
              references, availability, reporting, rates and what they need from you.
            </p>
          )}
          {draft && (
            <ol class="ov-kit__questions">
              {draft.answers.map((a, i) => (
                <li key={`${draft.kitId}-${i}`} class="v-field" data-testid="interview-question">
                  <label class="ov-kit__q" for={`ov-kit-a${i}`}>
                    {a.question}
                  </label>
                  <textarea
                    id={`ov-kit-a${i}`}
                    class="v-textarea ov-kit__a"
                    rows={2}
                    maxLength={4000}
                    value={a.answer}
                    placeholder="Their answer, in a few words"
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setDraft({ ...draft, answers: draft.answers.map((x, j) => (j === i ? { ...x, answer: value } : x)) });
                    }}
                  />
                </li>
              ))}
            </ol>
          )}
          {draft && (
            <div class="v-row">
              <span class="v-xs v-muted">
                {answered} of {draft.answers.length} answered
              </span>
              <span class="v-spacer" />
              <button type="submit" class="v-btn v-btn--primary" disabled={save.saving}>
                <Save size={16} aria-hidden="true" /> {save.saving ? 'Saving…' : 'Save interview'}
              </button>
            </div>
          )}
          {status && (
            <p class="v-alert v-alert--ok ov-alert" role="status">
              {status}
            </p>
          )}
          <ErrorText message={save.error && `Not saved, your answers are kept: ${save.error}`} />
        </form>
      )}
    </section>
  );
}
