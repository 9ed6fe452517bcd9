/**
 * Rate a completed project with this contractor: four criteria 1–5, would you rehire, a comment.
 * What the user entered stays in the form when the save fails.
 */
import { useState } from 'preact/hooks';
import type { Project, Rating } from '../../lib/db/schema';
import { CRITERIA, CRITERION_LABELS, type Criterion } from '../../lib/domain/reputation';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { StarScale } from '../shared/StarScale';
import { tooLongMessage } from '../shared/limits';
import { useSave } from '../shared/use-save';

export interface RateProjectFormProps {
  contractorKey: string;
  /** The contractor's projects; completed ones are offered, unrated first. */
  projects: readonly Project[];
  ratings: readonly Rating[];
  onDone: () => void;
}

const NO_PROJECT = '';

export function RateProjectForm({ contractorKey, projects, ratings, onDone }: RateProjectFormProps) {
  const rated = new Set(ratings.map((r) => r.projectId).filter(Boolean));
  const completed = projects
    .filter((p) => p.status === 'completed')
    .sort((a, b) => Number(rated.has(a.id)) - Number(rated.has(b.id)) || (b.completedAt ?? 0) - (a.completedAt ?? 0));
  // Unrated projects sort first: the first completed one is the likeliest to rate (or re-rate).
  const [projectId, setProjectId] = useState(completed[0]?.id ?? NO_PROJECT);
  const [scores, setScores] = useState<Record<Criterion, number | null>>({
    quality: null,
    communication: null,
    timeliness: null,
    value: null,
  });
  const [rehire, setRehire] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const save = useSave();

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing = CRITERIA.filter((c) => scores[c] === null).map((c) => CRITERION_LABELS[c].toLowerCase());
    if (missing.length > 0) return setProblem(`Give a score from 1 to 5 for ${missing.join(', ')}.`);
    if (rehire === null) return setProblem('Say whether you would hire them again.');
    const long = tooLongMessage(comment.trim());
    if (long) return setProblem(long);
    setProblem(undefined);
    // Rating the same project again updates that rating instead of adding a second one.
    const existing = projectId ? ratings.find((r) => r.projectId === projectId) : undefined;
    const ok = await save.run(() =>
      send('saveRating', {
        ...(existing ? { id: existing.id } : {}),
        rating: {
          contractorKey,
          ...(projectId ? { projectId } : {}),
          quality: scores.quality!,
          communication: scores.communication!,
          timeliness: scores.timeliness!,
          value: scores.value!,
          wouldRehire: rehire,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      }),
    );
    if (ok) onDone();
  };

  return (
    <form class="ov-rate-form" onSubmit={submit} aria-labelledby="ov-rate-title">
      <h3 class="ov-h3" id="ov-rate-title">
        Rate a project
      </h3>
      <div class="v-field">
        <label class="v-label" for="ov-rate-project">
          Project
        </label>
        <select id="ov-rate-project" class="v-select" value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>
          {completed.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
              {rated.has(p.id) ? ' (rated: update)' : ''}
            </option>
          ))}
          <option value={NO_PROJECT}>Work not tracked in Vetted</option>
        </select>
        {completed.length === 0 && (
          <span class="v-help">No completed project with them yet: the rating is saved on its own.</span>
        )}
      </div>
      <div class="ov-scales">
        {CRITERIA.map((c) => (
          <StarScale
            key={c}
            name={`ov-rate-${c}`}
            label={CRITERION_LABELS[c]}
            value={scores[c]}
            onChange={(n) => setScores((s) => ({ ...s, [c]: n }))}
          />
        ))}
      </div>
      <fieldset class="ov-scale">
        <legend class="ov-scale__legend v-small">Would you hire them again?</legend>
        <div class="v-row">
          <label class="ov-choice">
            <input type="radio" name="ov-rate-rehire" checked={rehire === true} onChange={() => setRehire(true)} /> Yes
          </label>
          <label class="ov-choice">
            <input type="radio" name="ov-rate-rehire" checked={rehire === false} onChange={() => setRehire(false)} /> No
          </label>
        </div>
      </fieldset>
      <div class="v-field">
        <label class="v-label" for="ov-rate-comment">
          Comment (optional)
        </label>
        <textarea
          id="ov-rate-comment"
          class="v-textarea ov-textarea-sm"
          value={comment}
          placeholder="What went well, what to watch next time"
          onInput={(e) => setComment(e.currentTarget.value)}
        />
      </div>
      <ErrorText message={problem ?? save.error} />
      <div class="v-row">
        <button type="submit" class="v-btn v-btn--primary" disabled={save.saving}>
          {save.saving ? 'Saving…' : 'Save rating'}
        </button>
        <button type="button" class="v-btn v-btn--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
