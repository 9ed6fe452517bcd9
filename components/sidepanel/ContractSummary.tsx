/** The written terms: dates, expectations, deliverables and the agreed payment schedule. */
import { FileSignature } from 'lucide-preact';
import type { Project } from '../../lib/db/schema';
import { formatDay, formatRelativeDays } from '../../lib/domain/dates';
import type { ProjectHealth } from '../../lib/domain/project-health';

export function ContractSummary({
  project,
  health,
  locale,
  onEdit,
}: {
  project: Project;
  health: ProjectHealth;
  locale?: string;
  onEdit: () => void;
}) {
  const c = project.contract;
  const written = Boolean(c.signedAt || c.expectations || c.deliverables || c.paymentSchedule);
  const day = (d: string) => formatDay(d, locale, health.today);
  return (
    <section class="v-stack" aria-label="Contract">
      <h3>Contract and dates</h3>
      <dl class="sp-facts">
        {project.startDate && (
          <>
            <dt>Start</dt>
            <dd>{day(project.startDate)}</dd>
          </>
        )}
        <dt>Deadline</dt>
        <dd>
          {project.deadline ? (
            <>
              {day(project.deadline)}
              {health.daysToDeadline !== null && ` (${formatRelativeDays(health.daysToDeadline, locale)})`}
              {health.daysToDeadline !== null && health.daysToDeadline < 0 && project.status === 'active' && (
                <span class="v-pill v-pill--danger sp-inline-pill">Past deadline</span>
              )}
            </>
          ) : (
            <span class="v-muted">none set</span>
          )}
        </dd>
        {c.signedAt && (
          <>
            <dt>Signed</dt>
            <dd>{day(c.signedAt)}</dd>
          </>
        )}
        {c.expectations && (
          <>
            <dt>Expectations</dt>
            <dd class="v-user-text">{c.expectations}</dd>
          </>
        )}
        {c.deliverables && (
          <>
            <dt>Deliverables</dt>
            <dd class="v-user-text">{c.deliverables}</dd>
          </>
        )}
        {c.paymentSchedule && (
          <>
            <dt>Payment terms</dt>
            <dd class="v-user-text">{c.paymentSchedule}</dd>
          </>
        )}
      </dl>
      {!written && (
        <p class="v-alert v-alert--warn">
          <FileSignature size={16} aria-hidden="true" />
          <span>
            Nothing in writing yet. Agree expectations, deliverables, deadlines and a payment schedule, and note them{' '}
            <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={onEdit}>
              in the project
            </button>
          </span>
        </p>
      )}
    </section>
  );
}
