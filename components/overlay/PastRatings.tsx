/** Your ratings of past projects with this person, their averages, and the form to add one. */
import { useState } from 'preact/hooks';
import { useEditorFocus } from '../shared/use-editor-focus';
import { Star, ThumbsDown, ThumbsUp } from 'lucide-preact';
import type { Project, Rating } from '../../lib/db/schema';
import { CRITERIA, CRITERION_LABELS, formatScore, reputation } from '../../lib/domain/reputation';
import { formatDate, isoInstant, plural } from './format';
import { RatingForm } from '../shared/RatingForm';
import { StarsShown } from './StarsShown';

export interface PastRatingsProps {
  contractorKey: string;
  ratings: readonly Rating[];
  projects: readonly Project[];
  locale?: string;
}

export function PastRatings({ contractorKey, ratings, projects, locale }: PastRatingsProps) {
  const [rating, setRating] = useState(false);
  const focus = useEditorFocus<HTMLDivElement, HTMLButtonElement>(rating);
  const rep = reputation(ratings);
  const titles = new Map(projects.map((p) => [p.id, p.title]));
  const sorted = [...ratings].sort((a, b) => b.createdAt - a.createdAt);

  return (
    <section class="ov-section" aria-labelledby="ov-ratings-title">
      <div class="ov-section__head">
        <h2 id="ov-ratings-title" class="ov-h2">
          Your ratings
        </h2>
        {!rating && (
          <button ref={focus.opener} type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={() => setRating(true)}>
            <Star size={14} aria-hidden="true" /> Rate a project
          </button>
        )}
      </div>
      {rep.overall !== null && rep.averages && (
        <div class="ov-rep" aria-label="Average of your ratings">
          <div class="ov-rep__overall">
            <span class="ov-rep__score v-num">{formatScore(rep.overall, locale)}</span>
            <StarsShown score={rep.overall} />
            <span class="v-xs v-muted">
              {plural(rep.projects, 'project', 'projects')}
              {rep.wouldRehireShare !== null && ` · would rehire ${rep.wouldRehireCount} of ${rep.count}`}
            </span>
          </div>
          <dl class="ov-rep__criteria">
            {CRITERIA.map((c) => (
              <div class="ov-rep__row" key={c}>
                <dt class="v-xs v-muted">{CRITERION_LABELS[c]}</dt>
                <dd class="ov-rep__bar-cell">
                  <span class="ov-rep__bar" aria-hidden="true">
                    <span style={{ width: `${(rep.averages![c] / 5) * 100}%` }} />
                  </span>
                  <span class="v-xs v-num">{formatScore(rep.averages![c], locale)}</span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {rating && (
        <div ref={focus.editor}>
          <RatingForm
            contractorKey={contractorKey}
            projects={projects}
            ratings={ratings}
            title="Rate a project"
            onSaved={() => setRating(false)}
            onCancel={() => setRating(false)}
          />
        </div>
      )}
      {sorted.length === 0 && !rating && (
        <p class="v-small v-muted">No ratings yet. After a project with them, rate it here: next time you meet them, you will remember.</p>
      )}
      {sorted.length > 0 && (
        <ul class="ov-ratings" aria-label="Past ratings">
          {sorted.map((r) => (
            <li class="ov-rating" key={r.id} data-testid="rating-item">
              <div class="ov-rating__head">
                <span class="ov-rating__title v-user-text ov-clamp-1">
                  {(r.projectId && titles.get(r.projectId)) || 'Work not tracked in Vetted'}
                </span>
                <time class="v-xs v-muted" dateTime={isoInstant(r.createdAt)}>
                  {formatDate(r.createdAt, locale)}
                </time>
              </div>
              <div class="ov-rating__scores v-xs">
                {CRITERIA.map((c) => (
                  <span key={c} class="ov-rating__score">
                    {CRITERION_LABELS[c]} <strong class="v-num">{r[c]}</strong>
                  </span>
                ))}
                <span class={`v-pill ${r.wouldRehire ? 'v-pill--ok' : 'v-pill--danger'}`}>
                  {r.wouldRehire ? <ThumbsUp size={11} aria-hidden="true" /> : <ThumbsDown size={11} aria-hidden="true" />}
                  {r.wouldRehire ? 'Would rehire' : 'Would not rehire'}
                </span>
              </div>
              {r.comment && <p class="ov-rating__comment v-user-text v-small">{r.comment}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
