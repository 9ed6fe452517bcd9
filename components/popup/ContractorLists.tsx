/** "Hire again" (contractors you rated well) and "Recently viewed" lists. */
import { RotateCw, Star } from 'lucide-preact';
import type { Contractor, Rating } from '../../lib/db/schema';
import { formatScore, reputation } from '../../lib/domain/reputation';
import { SITE_LABELS } from '../projects/labels';
import { STATUS_LABELS } from '../overlay/labels';

export interface ContractorListsProps {
  hireAgain: readonly { contractor: Contractor; ratings: Rating[] }[];
  recent: readonly Contractor[];
  locale?: string;
  onOpenProfile: (url: string) => void;
  /** issue 15: starts a new project prefilled from the last one with them. */
  onHireAgain?: (contractorKey: string) => void;
}

export function HireAgainList({ hireAgain, locale, onOpenProfile, onHireAgain }: Omit<ContractorListsProps, 'recent'>) {
  if (hireAgain.length === 0) return null;
  return (
    <section class="pp-section" aria-labelledby="pp-hire-again">
      <h2 id="pp-hire-again" class="pp-section__title">
        Hire again
      </h2>
      <ul class="pp-people">
        {hireAgain.slice(0, 5).map(({ contractor, ratings }) => {
          const rep = reputation(ratings);
          return (
            <li key={contractor.key} data-testid="hire-again-item" class="pp-hire-again">
              <button type="button" class="pp-person" onClick={() => onOpenProfile(contractor.profileUrl)}>
                <span class="v-ellipsis">{contractor.name}</span>
                <span class="v-xs v-muted">{SITE_LABELS[contractor.site] ?? contractor.site}</span>
                <span class="v-spacer" />
                <span
                  class="v-pill v-pill--ok"
                  aria-label={`Your rating ${formatScore(rep.overall, locale)} of 5 over ${rep.projects} projects`}
                >
                  <Star size={11} aria-hidden="true" /> {formatScore(rep.overall, locale)}
                  <span class="v-faint">· {rep.projects}</span>
                </span>
              </button>
              {onHireAgain && (
                <button
                  type="button"
                  class="v-btn v-btn--sm pp-hire-again__btn"
                  aria-label={`Hire again: ${contractor.name}`}
                  title="New project prefilled from the last one"
                  onClick={() => onHireAgain(contractor.key)}
                >
                  <RotateCw aria-hidden="true" /> Hire again
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function RecentList({ recent, onOpenProfile }: Pick<ContractorListsProps, 'recent' | 'onOpenProfile'>) {
  if (recent.length === 0) return null;
  return (
    <section class="pp-section" aria-labelledby="pp-recent">
      <h2 id="pp-recent" class="pp-section__title">
        Recently viewed
      </h2>
      <ul class="pp-people">
        {recent.slice(0, 5).map((c) => (
          <li key={c.key} data-testid="recent-item">
            <button type="button" class="pp-person" onClick={() => onOpenProfile(c.profileUrl)}>
              <span class={`pp-dot pp-dot--${c.status}`} aria-hidden="true" />
              <span class="v-ellipsis">{c.name}</span>
              <span class="v-xs v-muted">{SITE_LABELS[c.site] ?? c.site}</span>
              <span class="v-spacer" />
              <span class="v-xs v-faint">{STATUS_LABELS[c.status]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
