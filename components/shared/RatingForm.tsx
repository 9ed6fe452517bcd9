/**
 * Your rating of a contractor after a project: four 1–5 scores, would you rehire, a comment.
 * The side panel rates the project it shows; the overlay lets you pick one of the completed
 * projects (unrated first) or work not tracked in Vetted. Rating a project again edits that
 * rating, starting from its scores. What the user entered stays when the save fails.
 */
import { useId, useRef, useState } from 'preact/hooks';
import type { Project, Rating } from '../../lib/db/schema';
import { CRITERIA, CRITERION_LABELS, type Criterion } from '../../lib/domain/reputation';
import { send } from '../../lib/messaging/client';
import { ErrorText } from './ErrorText';
import { StarScale } from './StarScale';
import { tooLongMessage } from './limits';
import { useSave } from './use-save';
import './rating-form.css';

export interface RatingFormProps {
  contractorKey: string;
  /** Your ratings of this contractor: the one of the chosen project is edited, not duplicated. */
  ratings: readonly Rating[];
  /** The project rated. Without it the form offers `projects` to choose from. */
  projectId?: string;
  /** The contractor's projects; the completed ones are offered when no `projectId` is given. */
  projects?: readonly Project[];
  title: string;
  intro?: string;
  /** The form's accessible name; by default its title. */
  label?: string;
  cancelLabel?: string;
  onSaved?: (rating: Rating) => void;
  /** Without it there is no cancel button. */
  onCancel?: () => void;
}

/** The chooser's value for a rating of work not tracked in Vetted. */
const UNTRACKED = '';

type Scores = Record<Criterion, number | null>;
interface Entry {
  scores: Scores;
  rehire: boolean | null;
  comment: string;
}

const blank = (): Entry => ({ scores: { quality: null, communication: null, timeliness: null, value: null }, rehire: null, comment: '' });
const fromRating = (r: Rating | undefined): Entry =>
  r
    ? {
        scores: { quality: r.quality, communication: r.communication, timeliness: r.timeliness, value: r.value },
        rehire: r.wouldRehire,
        comment: r.comment ?? '',
      }
    : blank();

export function RatingForm(props: RatingFormProps) {
  const { contractorKey, ratings, title, intro, label, cancelLabel = 'Cancel', onSaved, onCancel } = props;
  const id = useId();
  const rated = new Set(ratings.map((r) => r.projectId).filter(Boolean));
  // Unrated first: the first completed one is the likeliest to rate (or re-rate).
  const completed = props.projectId
    ? []
    : (props.projects ?? [])
        .filter((p) => p.status === 'completed')
        .sort((a, b) => Number(rated.has(a.id)) - Number(rated.has(b.id)) || (b.completedAt ?? 0) - (a.completedAt ?? 0));
  const existingFor = (projectId: string) => (projectId ? ratings.find((r) => r.projectId === projectId) : undefined);

  const [projectId, setProjectId] = useState(props.projectId ?? completed[0]?.id ?? UNTRACKED);
  const [entry, setEntry] = useState(() => fromRating(existingFor(projectId)));
  const [problem, setProblem] = useState<string>();
  const save = useSave();
  // issue 12: the new rating's id, one per form: a retried save (reply lost) saves it once.
  const createId = useRef(crypto.randomUUID());
  const { scores, rehire, comment } = entry;

  const choose = (next: string) => {
    setProjectId(next);
    // A rated project shows its rating to edit; otherwise what was entered so far stays.
    const existing = existingFor(next);
    if (existing) setEntry(fromRating(existing));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing = CRITERIA.filter((c) => scores[c] === null).map((c) => CRITERION_LABELS[c].toLowerCase());
    if (missing.length > 0) return setProblem(`Give a score from 1 to 5 for ${missing.join(', ')}.`);
    if (rehire === null) return setProblem('Say whether you would hire them again.');
    const text = comment.trim();
    const long = tooLongMessage(text);
    if (long) return setProblem(long);
    setProblem(undefined);
    const existing = existingFor(projectId);
    let saved: Rating | undefined;
    const ok = await save.run(async () => {
      saved = await send('saveRating', {
        ...(existing ? { id: existing.id } : { createId: createId.current }),
        rating: {
          contractorKey,
          ...(projectId ? { projectId } : {}),
          quality: scores.quality!,
          communication: scores.communication!,
          timeliness: scores.timeliness!,
          value: scores.value!,
          wouldRehire: rehire,
          ...(text ? { comment: text } : {}),
        },
      });
    });
    if (ok && saved) onSaved?.(saved);
  };

  return (
    <form
      class="rf-form"
      onSubmit={submit}
      {...(label ? { 'aria-label': label } : { 'aria-labelledby': `${id}-title` })}
      onKeyDown={(e) => {
        // Esc closes the form (the innermost thing), not the view around it.
        if (e.key !== 'Escape' || !onCancel) return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <h3 class="rf-title" id={`${id}-title`}>
        {title}
      </h3>
      {intro && <p class="v-small v-muted">{intro}</p>}
      {!props.projectId && (
        <div class="v-field">
          <label class="v-label" for={`${id}-project`}>
            Project
          </label>
          <select id={`${id}-project`} class="v-select" value={projectId} onChange={(e) => choose(e.currentTarget.value)}>
            {completed.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {rated.has(p.id) ? ' (rated: update)' : ''}
              </option>
            ))}
            <option value={UNTRACKED}>Work not tracked in Vetted</option>
          </select>
          {completed.length === 0 && <span class="v-help">No completed project with them yet: the rating is saved on its own.</span>}
        </div>
      )}
      <div class="rf-scales">
        {CRITERIA.map((c) => (
          <StarScale
            key={c}
            name={`${id}-${c}`}
            label={CRITERION_LABELS[c]}
            value={scores[c]}
            onChange={(n) => setEntry((old) => ({ ...old, scores: { ...old.scores, [c]: n } }))}
          />
        ))}
      </div>
      <fieldset class="rf-scale">
        <legend class="rf-scale__legend v-small">Would you hire them again?</legend>
        <div class="v-row">
          {[true, false].map((yes) => (
            <label class="rf-choice" key={String(yes)}>
              <input
                type="radio"
                name={`${id}-rehire`}
                checked={rehire === yes}
                onChange={() => setEntry((old) => ({ ...old, rehire: yes }))}
              />
              {yes ? 'Yes' : 'No'}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="v-field">
        <label class="v-label" for={`${id}-comment`}>
          Comment (optional)
        </label>
        <textarea
          id={`${id}-comment`}
          class="v-textarea rf-comment"
          value={comment}
          placeholder="What went well, what to watch next time"
          onInput={(e) => {
            const value = e.currentTarget.value;
            setEntry((old) => ({ ...old, comment: value }));
          }}
        />
      </div>
      <ErrorText message={problem ?? save.error} />
      <div class="v-row">
        <button type="submit" class="v-btn v-btn--primary" disabled={save.saving}>
          {save.saving ? 'Saving…' : 'Save rating'}
        </button>
        {onCancel && (
          <button type="button" class="v-btn v-btn--ghost" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </div>
    </form>
  );
}
