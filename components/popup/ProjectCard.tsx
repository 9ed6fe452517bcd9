/** One open project in the popup: what needs attention, at a glance, with quick actions. */
import { useState } from 'preact/hooks';
import { AlertTriangle, Check, ExternalLink, FileSignature, MessageCircle, NotebookPen } from 'lucide-preact';
import { daysBetween, formatDay, formatRelativeDays } from '../../lib/domain/dates';
import { formatMoney, formatTotals } from '../../lib/domain/money';
import type { ProjectHealth } from '../../lib/domain/project-health';
import { send } from '../../lib/messaging/client';
import type { DashboardProject } from '../../lib/messaging/protocol';
import { PROJECT_STATUS_LABELS, SITE_LABELS } from '../projects/labels';
import { ErrorAlert } from '../shared/ErrorAlert';

export interface ProjectCardProps {
  view: DashboardProject;
  health: ProjectHealth;
  locale?: string;
  onOpenNotes: (projectId: string) => void;
  onOpenProfile: (url: string) => void;
  /** issue 15: opens the project's written agreement. */
  onOpenAgreement?: (projectId: string) => void;
}

export function ProjectCard({ view, health, locale, onOpenNotes, onOpenProfile, onOpenAgreement }: ProjectCardProps) {
  const { project, contractor } = view;
  const [logged, setLogged] = useState(false);
  const [error, setError] = useState<string>();
  const money = (minor: number) => formatMoney(minor, project.currency, locale, { trimZeroFraction: true });
  const overdue = health.overdueMilestones;
  const next = health.nextMilestone;
  const nextOverdue = next !== null && next.daysUntilDue !== null && next.daysUntilDue < 0;
  const ci = health.checkIn;
  const barClass = health.overBudget ? ' v-progress--danger' : health.nearBudget ? ' v-progress--warn' : '';
  const other = formatTotals(health.otherCurrencies, locale, { trimZeroFraction: true });
  // A retainer: its amount per period and its next payment, like a milestone (issue 14).
  const retainerRate =
    project.paymentModel === 'retainer' && (project.rateMinor ?? 0) > 0
      ? `${money(project.rateMinor!)}/${project.retainerPeriod === 'week' ? 'week' : 'month'}`
      : null;
  const retainerNext = project.paymentModel === 'retainer' && health.schedule.next?.source === 'period' ? health.schedule.next : null;
  const retainerLate = retainerNext?.dueDate ? daysBetween(health.today, retainerNext.dueDate) < 0 : false;
  const attention = overdue.length > 0 || health.overBudget || retainerLate;

  const checkIn = async () => {
    setError(undefined);
    try {
      await send('logCheckIn', { id: project.id });
      setLogged(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <li
      class={`pp-card${attention ? ' pp-card--alert' : health.flags.length > 0 ? ' pp-card--warn' : ''}`}
      data-testid="project-card"
      data-project-id={project.id}
      aria-label={project.title}
    >
      <div class="pp-card__head">
        <div class="pp-card__who">
          <strong class="v-ellipsis" title={project.title}>
            {project.title}
          </strong>
          <span class="pp-who-line">
            <span class="v-xs v-muted v-ellipsis">
              {contractor ? `${contractor.name} · ${SITE_LABELS[contractor.site] ?? contractor.site}` : 'No contractor linked'}
            </span>
            {contractor && (
              <button
                type="button"
                class="v-btn v-btn--ghost v-btn--sm pp-profile"
                onClick={() => onOpenProfile(contractor.profileUrl)}
                aria-label={`Open ${contractor.name}'s profile`}
                title="Open their profile"
              >
                <ExternalLink aria-hidden="true" />
              </button>
            )}
          </span>
        </div>
        {project.status !== 'active' && <span class="v-pill">{PROJECT_STATUS_LABELS[project.status]}</span>}
        {overdue.length > 0 && (
          <span class="v-pill v-pill--danger" data-testid="overdue-flag">
            <AlertTriangle size={12} aria-hidden="true" />
            {overdue.length === 1 ? 'Overdue' : `${overdue.length} overdue`}
          </span>
        )}
      </div>

      <p class={`pp-line${nextOverdue || (!next && retainerLate) ? ' pp-line--danger' : ''}`}>
        {next ? (
          <>
            <span class="v-ellipsis">
              {nextOverdue ? 'Overdue: ' : 'Next: '}
              <span class="v-user-text">{next.title}</span>
            </span>
            {next.dueDate && (
              <span class="pp-due">
                {formatDay(next.dueDate, locale, health.today)}
                {next.daysUntilDue !== null && ` · ${formatRelativeDays(next.daysUntilDue, locale)}`}
              </span>
            )}
          </>
        ) : retainerNext ? (
          <>
            <span class="v-ellipsis">
              {retainerLate ? 'Payment overdue: ' : 'Next payment: '}
              {money(retainerNext.amountMinor)}
            </span>
            {retainerNext.dueDate && (
              <span class="pp-due">
                {formatDay(retainerNext.dueDate, locale, health.today)} ·{' '}
                {formatRelativeDays(daysBetween(health.today, retainerNext.dueDate), locale)}
              </span>
            )}
          </>
        ) : (
          <span class="v-muted">
            {project.paymentModel === 'retainer' ? 'Set the retainer’s start date to see its payments' : 'No open milestones'}
          </span>
        )}
      </p>

      {health.budgetBarPercent !== null && health.budgetMinor !== null ? (
        <div class="pp-budget">
          <div
            class={`v-progress${barClass}`}
            role="progressbar"
            aria-label={`Budget used for ${project.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={health.budgetBarPercent}
          >
            <span style={{ width: `${health.budgetBarPercent}%` }} />
          </div>
          <span class={`v-xs v-num${health.overBudget ? ' pp-danger-text' : ''}`}>
            {money(health.spentMinor)} of {money(health.budgetMinor)} · {health.budgetUsedPercent}%
            {health.overBudget ? ' · over budget' : ''}
          </span>
        </div>
      ) : (
        <p class="v-xs v-muted">
          {retainerRate
            ? `${retainerRate}${health.spentMinor > 0 ? ` · ${money(health.spentMinor)} paid` : ''}`
            : health.spentMinor > 0
              ? `${money(health.spentMinor)} paid · no budget set`
              : 'No budget set'}
        </p>
      )}
      {other && <p class="v-xs v-muted">Also paid {other} (not converted)</p>}

      <p class={`v-xs pp-contact${ci.overdue ? ' pp-contact--late' : ''}`}>
        <MessageCircle size={12} aria-hidden="true" />
        {ci.daysSinceContact === null ? 'No contact logged' : `Last contact ${formatRelativeDays(-ci.daysSinceContact, locale)}`}
        {ci.everyDays !== null && ` · every ${ci.everyDays} d`}
        {ci.overdue && ` · ${ci.daysLate} d late`}
      </p>

      <ErrorAlert message={error} class="v-xs" />
      <div class="pp-actions">
        <button type="button" class="v-btn v-btn--sm" onClick={() => void checkIn()} disabled={logged}>
          {logged ? <Check aria-hidden="true" /> : <MessageCircle aria-hidden="true" />}
          {logged ? 'Checked in' : 'Log check-in'}
        </button>
        <button type="button" class="v-btn v-btn--sm" onClick={() => onOpenNotes(project.id)}>
          <NotebookPen aria-hidden="true" /> Budget notes
        </button>
        {onOpenAgreement && (
          <button
            type="button"
            class="v-btn v-btn--sm"
            onClick={() => onOpenAgreement(project.id)}
            aria-label={`Written agreement for ${project.title}`}
          >
            <FileSignature aria-hidden="true" /> Agreement
          </button>
        )}
      </div>
    </li>
  );
}
