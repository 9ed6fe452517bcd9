/**
 * The verdict at a glance, at the page edge: status colour, vetting progress ("6/11"), your own
 * average rating and how many projects it comes from. The whole tab is the open button.
 */
import { Briefcase, ShieldCheck, Star, TriangleAlert } from 'lucide-preact';
import type { ContractorStatus } from '../../lib/db/schema';
import { formatScore, type Reputation } from '../../lib/domain/reputation';
import type { VettingProgress } from '../../lib/domain/vetting';
import { STATUS_LABELS } from './labels';

export interface CollapsedTabProps {
  status?: ContractorStatus;
  progress?: VettingProgress;
  reputation?: Reputation;
  /** Something is wrong (storage unreachable…): the tab shows a warning and says so. */
  problem?: string;
  onOpen: () => void;
}

// The name holds the tab's visible text in its visible order ("Shortlisted 6/11 vetted 3.5 2"), so
// speech-input users can say what they see (WCAG 2.5.3; axe label-content-name-mismatch ignores
// the parenthetical explanation).
export function collapsedLabel({ status, progress, reputation, problem }: Omit<CollapsedTabProps, 'onOpen'>): string {
  const parts = ['Open Vetted'];
  if (problem) parts.push(problem);
  if (status) parts.push(STATUS_LABELS[status]);
  else if (problem) parts.push('offline');
  if (progress) parts.push(`${progress.label} vetted (${progress.done} of ${progress.total})`);
  if (reputation && reputation.overall !== null) {
    parts.push(
      `${formatScore(reputation.overall)} (your rating), ${reputation.projects} past project${reputation.projects === 1 ? '' : 's'}`,
    );
  }
  return parts.join(', ');
}

export function CollapsedTab(props: CollapsedTabProps) {
  const { status, progress, reputation, problem, onOpen } = props;
  const avoid = status === 'avoid';
  const cls = ['ov-tab', status ? `ov-tab--${status}` : '', problem ? 'ov-tab--problem' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      class={cls}
      data-testid="overlay-toggle"
      aria-expanded="false"
      aria-label={collapsedLabel(props)}
      title={collapsedLabel(props)}
      onClick={onOpen}
    >
      <span class="ov-tab__brand" aria-hidden="true">
        {avoid || problem ? <TriangleAlert size={18} /> : <ShieldCheck size={18} />}
      </span>
      {/* Spaces between the parts (flex items: no layout effect) keep the visible words apart for
          assistive tech and axe, which read the text nodes joined. */}
      {status && ' '}
      {status && (
        <span class="ov-tab__status" aria-hidden="true">
          <span class="ov-tab__status-text">{STATUS_LABELS[status]}</span>
        </span>
      )}
      {progress && ' '}
      {progress && (
        <span class="ov-tab__metric" aria-hidden="true">
          <span class="ov-tab__value v-num">{progress.label}</span> <span class="ov-tab__caption">vetted</span>
        </span>
      )}
      {reputation && reputation.overall !== null && ' '}
      {reputation && reputation.overall !== null ? (
        <span class="ov-tab__metric" aria-hidden="true">
          <span class="ov-tab__value v-num">
            <Star size={11} class="ov-star-icon" />
            {formatScore(reputation.overall)}
          </span>{' '}
          <span class="ov-tab__caption">
            <Briefcase size={10} />
            {reputation.projects}
          </span>
        </span>
      ) : null}
      {problem && !status && ' '}
      {problem && !status && (
        <span class="ov-tab__caption" aria-hidden="true">
          offline
        </span>
      )}
    </button>
  );
}
