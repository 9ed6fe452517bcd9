/**
 * One project in the side panel: its budget summary, notes on budget and negotiation, milestones,
 * payments, check-ins and the editor. Completing it asks for your rating of the contractor.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckCircle2, ExternalLink, FileSignature, HandCoins, MessageCircle, Pencil } from 'lucide-preact';
import type { Project, Settings } from '../../lib/db/schema';
import { formatDay, formatRelativeDays } from '../../lib/domain/dates';
import { loyaltyHint } from '../../lib/domain/loyalty';
import { projectHealth } from '../../lib/domain/project-health';
import { send } from '../../lib/messaging/client';
import type { ProjectView } from '../../lib/messaging/protocol';
import { RatingForm } from '../shared/RatingForm';
import { openAgreement } from '../agreement/open-agreement';
import { useRequest } from '../use-request';
import { MilestoneList } from '../projects/MilestoneList';
import { PaymentsLedger } from '../projects/PaymentsLedger';
import { ProjectForm } from '../projects/ProjectForm';
import { PROJECT_STATUS_LABELS, SITE_LABELS } from '../projects/labels';
import { BudgetNotes } from './BudgetNotes';
import { BudgetSummary } from './BudgetSummary';
import { ContractSummary } from './ContractSummary';
import { ErrorAlert } from '../shared/ErrorAlert';
import { OtherVersions } from '../shared/OtherVersions';
import { useOtherVersions } from '../shared/use-other-versions';
import { formatMoney } from '../../lib/domain/money';
import { PAYMENT_MODEL_LABELS } from '../projects/labels';

export interface ProjectPanelProps {
  view: ProjectView;
  settings?: Settings;
  now: number;
  timeZone: string;
  locale?: string;
}

export function ProjectPanel({ view, settings, now, timeZone, locale }: ProjectPanelProps) {
  const { project, contractor, milestones, payments, notes, ratings } = view;
  const [editing, setEditing] = useState(false);
  const [rating, setRating] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const editor = useRef<HTMLElement>(null);
  useEffect(() => {
    // The editor opens near the top; bring it into view when asked from further down.
    if (editing) editor.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [editing]);
  const contractorView = useRequest('getContractor', project.contractorKey ? { key: project.contractorKey } : null, {
    refreshOn: (e) => e.tables.includes('ratings') || e.tables.includes('projects'),
  });
  const contractors = useRequest('listContractors', editing ? { limit: 500 } : null);
  // issue 11: the project edited on two devices before they synced shows "2 versions".
  const versions = useOtherVersions('projects', [project.id]);

  const health = projectHealth({ project, milestones, payments }, now, {
    timeZone,
    ...(settings ? { dueSoonDays: settings.dueSoonDays } : {}),
  });
  const name = contractor?.name || 'this contractor';
  const cv = contractorView.data;
  const loyalty =
    project.contractorKey && cv ? loyaltyHint(project.contractorKey, cv.projects, cv.ratings, { name: contractor?.name, locale }) : null;
  const projectRating = ratings.find((r) => r.projectId === project.id);
  const askRating = Boolean(project.contractorKey) && (rating || (project.status === 'completed' && !projectRating));

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const onSaved = (saved: Project, before?: Project) => {
    setEditing(false);
    if (saved.status === 'completed' && before?.status !== 'completed' && saved.contractorKey) setRating(true);
  };

  const ci = health.checkIn;
  return (
    <div class="v-stack sp-project" data-project-id={project.id}>
      <header class="sp-head">
        <div class="v-row">
          <h2 class="v-spacer v-user-text">{project.title}</h2>
          <span class={`v-pill${project.status === 'active' ? ' v-pill--ok' : project.status === 'completed' ? ' v-pill--info' : ''}`}>
            {PROJECT_STATUS_LABELS[project.status]}
          </span>
        </div>
        {contractor ? (
          <p class="v-small v-muted v-row">
            <span class="v-ellipsis">
              {contractor.name} · {SITE_LABELS[contractor.site] ?? contractor.site}
            </span>
            <a href={contractor.profileUrl} target="_blank" rel="noreferrer" class="v-row" aria-label={`Open ${contractor.name}'s profile`}>
              <ExternalLink size={14} aria-hidden="true" /> Profile
            </a>
          </p>
        ) : (
          <p class="v-small v-muted">No contractor linked.</p>
        )}
        <OtherVersions
          versions={versions.of(project.id)}
          what="project"
          locale={locale}
          onChoose={versions.choose}
          describe={(row) => <ProjectVersion project={row as unknown as Project} locale={locale} />}
        />
        <p class={`v-small sp-checkin${ci.overdue ? ' sp-late' : ''}`}>
          <MessageCircle size={14} aria-hidden="true" />{' '}
          {ci.daysSinceContact === null ? 'No contact logged yet' : `Last contact ${formatRelativeDays(-ci.daysSinceContact, locale)}`}
          {ci.everyDays !== null && ` · check in every ${ci.everyDays} day${ci.everyDays === 1 ? '' : 's'}`}
          {ci.overdue && (
            <span class="v-pill v-pill--warn sp-inline-pill">
              Check-in {ci.daysLate} day{ci.daysLate === 1 ? '' : 's'} late
            </span>
          )}
        </p>
        <div class="v-row sp-actions">
          <button
            type="button"
            class="v-btn v-btn--sm"
            disabled={busy}
            onClick={() => void act(() => send('logCheckIn', { id: project.id }))}
          >
            <MessageCircle aria-hidden="true" /> Log a check-in
          </button>
          <button type="button" class="v-btn v-btn--sm" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            <Pencil aria-hidden="true" /> {editing ? 'Close editor' : 'Edit project'}
          </button>
          <button type="button" class="v-btn v-btn--sm" onClick={() => void act(() => openAgreement(project.id))}>
            <FileSignature aria-hidden="true" /> Written agreement
          </button>
          {project.status !== 'completed' && project.status !== 'cancelled' && (
            <button
              type="button"
              class="v-btn v-btn--sm"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await send('updateProject', { id: project.id, patch: { status: 'completed' } });
                  if (project.contractorKey) setRating(true);
                })
              }
            >
              <CheckCircle2 aria-hidden="true" /> Mark completed
            </button>
          )}
        </div>
        <ErrorAlert message={error} />
      </header>

      {askRating && project.contractorKey && (
        <RatingForm
          contractorKey={project.contractorKey}
          projectId={project.id}
          ratings={ratings}
          title={`How did ${name} do?`}
          intro="Only you see this. It shows on their profile next time you meet them."
          label="Rate this contractor"
          cancelLabel="Later"
          onSaved={() => setRating(false)}
          onCancel={rating ? () => setRating(false) : undefined}
        />
      )}
      {projectRating && !askRating && (
        <p class="v-alert v-alert--ok" role="status">
          You rated {name} for this project
          {projectRating.wouldRehire ? ' and would hire them again.' : '.'}{' '}
          <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={() => setRating(true)}>
            Change rating
          </button>
        </p>
      )}

      {editing && (
        <section class="v-card" aria-label="Edit project" ref={editor}>
          <ProjectForm
            project={project}
            contractors={contractors.data ?? (contractor ? [contractor] : [])}
            defaultCurrency={project.currency}
            onSaved={onSaved}
            onCancel={() => setEditing(false)}
          />
        </section>
      )}

      {loyalty && (
        <p class="v-alert v-alert--info" data-testid="loyalty-hint">
          <HandCoins size={16} aria-hidden="true" /> {loyalty.message}
        </p>
      )}

      <BudgetSummary project={project} health={health} payments={payments} locale={locale} />
      <BudgetNotes project={project} notes={notes} locale={locale} />
      <MilestoneList project={project} milestones={milestones} health={health} locale={locale} />
      <PaymentsLedger project={project} payments={payments} milestones={milestones} today={health.today} locale={locale} />
      <ContractSummary project={project} health={health} locale={locale} onEdit={() => setEditing(true)} />
    </div>
  );
}

/** What another version of the project says, in one line: title, status, how it is paid, the dates. */
function ProjectVersion({ project: p, locale }: { project: Project; locale?: string }) {
  const money = (minor?: number) => (minor === undefined ? null : formatMoney(minor, p.currency, locale, { trimZeroFraction: true }));
  const parts = [
    PROJECT_STATUS_LABELS[p.status],
    PAYMENT_MODEL_LABELS[p.paymentModel],
    money(p.budgetMinor) && `budget ${money(p.budgetMinor)}`,
    money(p.rateMinor) && `rate ${money(p.rateMinor)}`,
    p.deadline && `deadline ${formatDay(p.deadline, locale)}`,
  ].filter(Boolean);
  return (
    <p class="v-small">
      <span class="v-user-text">{p.title}</span> · {parts.join(' · ')}
    </p>
  );
}
