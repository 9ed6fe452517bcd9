/**
 * Your rating of a contractor after a project: four 1–5 scores, would you rehire, a comment.
 * Saved with saveRating (contractorKey + projectId) so the overlay shows it on their profile.
 */
import { useState } from 'preact/hooks';
import { Star } from 'lucide-preact';
import type { Rating } from '../../lib/db/schema';
import { CRITERIA, CRITERION_LABELS, type Criterion } from '../../lib/domain/reputation';
import { send } from '../../lib/messaging/client';
import './projects.css';

export interface RatingFormProps {
  contractorKey: string;
  contractorName?: string;
  projectId?: string;
  /** An earlier rating of the same project, to edit rather than duplicate. */
  existing?: Rating;
  onSaved?: (rating: Rating) => void;
  onCancel?: () => void;
}

type Scores = Record<Criterion, number | null>;

export function RatingForm({ contractorKey, contractorName, projectId, existing, onSaved, onCancel }: RatingFormProps) {
  const [scores, setScores] = useState<Scores>(() => ({
    quality: existing?.quality ?? null,
    communication: existing?.communication ?? null,
    timeliness: existing?.timeliness ?? null,
    value: existing?.value ?? null,
  }));
  const [wouldRehire, setWouldRehire] = useState<boolean | null>(existing?.wouldRehire ?? null);
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing = CRITERIA.filter((c) => scores[c] === null).map((c) => CRITERION_LABELS[c].toLowerCase());
    if (missing.length > 0) {
      setError(`Please give a score (1–5) for ${missing.join(', ')}.`);
      return;
    }
    if (wouldRehire === null) {
      setError('Please say whether you would hire them again.');
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const saved = await send('saveRating', {
        ...(existing ? { id: existing.id } : {}),
        rating: {
          contractorKey,
          ...(projectId ? { projectId } : {}),
          quality: scores.quality!,
          communication: scores.communication!,
          timeliness: scores.timeliness!,
          value: scores.value!,
          wouldRehire,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      });
      onSaved?.(saved);
    } catch (err) {
      // Keep everything typed: the user can retry.
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="v-card v-stack p-rating" onSubmit={submit} aria-label="Rate this contractor">
      <h3>How did {contractorName || 'this contractor'} do?</h3>
      <p class="v-small v-muted">Only you see this. It shows on their profile next time you meet them.</p>
      {CRITERIA.map((c) => (
        <fieldset class="p-rating__row" key={c}>
          <legend class="v-label">{CRITERION_LABELS[c]}</legend>
          <div class="p-stars" role="radiogroup" aria-label={CRITERION_LABELS[c]}>
            {[1, 2, 3, 4, 5].map((n) => {
              const on = (scores[c] ?? 0) >= n;
              return (
                <label key={n} class={`p-star${on ? ' p-star--on' : ''}`} title={`${n} of 5`}>
                  <input
                    type="radio"
                    class="v-sr-only"
                    name={`rating-${c}`}
                    value={n}
                    checked={scores[c] === n}
                    aria-label={`${CRITERION_LABELS[c]} ${n} of 5`}
                    onChange={() => setScores((s) => ({ ...s, [c]: n }))}
                  />
                  <Star aria-hidden="true" size={20} />
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <fieldset class="p-rating__row">
        <legend class="v-label">Would you hire them again?</legend>
        <div class="v-row">
          <label class="v-row v-small">
            <input type="radio" name="would-rehire" checked={wouldRehire === true} onChange={() => setWouldRehire(true)} />
            Yes
          </label>
          <label class="v-row v-small">
            <input type="radio" name="would-rehire" checked={wouldRehire === false} onChange={() => setWouldRehire(false)} />
            No
          </label>
        </div>
      </fieldset>
      <label class="v-field">
        <span class="v-label">Comment (optional)</span>
        <textarea
          class="v-textarea"
          value={comment}
          maxLength={20000}
          onInput={(e) => setComment(e.currentTarget.value)}
          placeholder="What went well, what to watch next time"
        />
      </label>
      {error && (
        <p class="v-alert v-alert--error" role="alert">
          {error}
        </p>
      )}
      <div class="v-row">
        <button type="submit" class="v-btn v-btn--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save rating'}
        </button>
        {onCancel && (
          <button type="button" class="v-btn v-btn--ghost" onClick={onCancel}>
            Later
          </button>
        )}
      </div>
    </form>
  );
}
