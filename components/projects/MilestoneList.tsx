/**
 * Milestones of a project: due date, amount, status (pending → in progress → submitted →
 * approved → paid). Overdue ones are marked; add, edit, advance and delete in place.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { AlertTriangle, Pencil, Trash2 } from 'lucide-preact';
import { MILESTONE_STATUSES } from '../../lib/db/constants';
import type { Milestone, MilestoneStatus, Project } from '../../lib/db/schema';
import { daysBetween, formatDay, formatRelativeDays } from '../../lib/domain/dates';
import { amountInputText, formatMoney } from '../../lib/domain/money';
import { compareMilestones, type ProjectHealth } from '../../lib/domain/project-health';
import { readMilestoneForm, type MilestoneFormValues } from '../../lib/domain/project-input';
import { send } from '../../lib/messaging/client';
import { Field } from './Field';
import { FormActions } from './FormActions';
import { RecordSection, useRowAction } from './RecordSection';
import { useRecordForm } from './use-record-form';
import { MILESTONE_STATUS_LABELS } from './labels';
import { OtherVersions } from '../shared/OtherVersions';
import { useOtherVersions } from '../shared/use-other-versions';
import './projects.css';

export interface MilestoneListProps {
  project: Project;
  milestones: readonly Milestone[];
  health: ProjectHealth;
  locale?: string;
}

export function MilestoneList({ project, milestones, health, locale }: MilestoneListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const action = useRowAction();
  const overdue = new Set(health.overdueMilestones.map((m) => m.id));
  const sorted = [...milestones].sort(compareMilestones);
  // issue 11: a milestone changed on two devices before they synced shows "2 versions".
  const versions = useOtherVersions(
    'milestones',
    milestones.map((m) => m.id),
  );

  // After "Approved": offer to record the payment still owed on it (the milestone then reads Paid).
  const [offer, setOffer] = useState<string | null>(null);
  const owed = (m: Milestone) => {
    const item = health.schedule.items.find((i) => i.source === 'milestone' && i.id === m.id);
    return item ? Math.max(0, item.amountMinor - item.paidMinor) : 0;
  };
  const setStatus = async (m: Milestone, status: MilestoneStatus) => {
    // The status the user saw is the version it changes from (issue 12: a stale tab is refused).
    await action.run(() => send('saveMilestone', { projectId: project.id, id: m.id, baseUpdatedAt: m.updatedAt, patch: { status } }));
    setOffer(status === 'approved' && owed(m) > 0 ? m.id : null);
  };
  const recordPayment = async (m: Milestone) => {
    const amountMinor = owed(m);
    await action.run(() =>
      send('savePayment', {
        projectId: project.id,
        patch: { milestoneId: m.id, amountMinor, currency: project.currency, paidAt: health.today },
      }),
    );
    setOffer(null);
    document.getElementById(`ms-status-${m.id}`)?.focus();
  };
  const dismissOffer = (m: Milestone) => {
    setOffer(null);
    document.getElementById(`ms-status-${m.id}`)?.focus();
  };
  const remove = (m: Milestone) => action.run(() => send('deleteMilestone', { id: m.id }), `Delete the milestone “${m.title}”?`);

  return (
    <RecordSection
      title="Milestones"
      addLabel="Add milestone"
      empty="No milestones yet. Split the work into steps with due dates so delays show early."
      hasRows={sorted.length > 0}
      error={action.error}
      addForm={(close) => <MilestoneForm project={project} onDone={close} />}
    >
      {sorted.map((m) =>
        editing === m.id ? (
          <li key={m.id} class="p-item">
            <MilestoneForm project={project} milestone={m} onDone={() => setEditing(null)} />
          </li>
        ) : (
          <li
            key={m.id}
            class={`p-item${overdue.has(m.id) ? ' p-item--overdue' : ''}`}
            data-testid="milestone-item"
            data-milestone-id={m.id}
          >
            <div class="p-item__head">
              <span class="p-item__title v-user-text">{m.title}</span>
              {overdue.has(m.id) && (
                <span class="v-pill v-pill--danger">
                  <AlertTriangle size={12} aria-hidden="true" /> Overdue
                </span>
              )}
              <button
                type="button"
                class="v-btn v-btn--ghost v-btn--sm v-btn--icon"
                aria-label={`Edit ${m.title}`}
                onClick={() => setEditing(m.id)}
              >
                <Pencil aria-hidden="true" />
              </button>
              <button
                type="button"
                class="v-btn v-btn--ghost v-btn--sm v-btn--icon"
                aria-label={`Delete ${m.title}`}
                onClick={() => void remove(m)}
              >
                <Trash2 aria-hidden="true" />
              </button>
            </div>
            {/* A grid, not a wrapping flex row: the status select keeps one column at the row's end whatever the due text's length (issue 14). */}
            <div class="p-item__meta p-ms-meta">
              <span class="p-ms-meta__facts">
                {m.dueDate ? (
                  <span>
                    Due {formatDay(m.dueDate, locale, health.today)}
                    {m.status !== 'approved' && m.status !== 'paid' && (
                      <> ({formatRelativeDays(daysBetween(health.today, m.dueDate), locale)})</>
                    )}
                  </span>
                ) : (
                  <span>No due date</span>
                )}
                {m.amountMinor !== undefined && (
                  <span class="v-num">{formatMoney(m.amountMinor, project.currency, locale, { trimZeroFraction: true })}</span>
                )}
              </span>
              <span class="p-ms-meta__status">
                <label class="v-sr-only" for={`ms-status-${m.id}`}>
                  Status of {m.title}
                </label>
                <select
                  id={`ms-status-${m.id}`}
                  class="v-select"
                  value={m.status}
                  onChange={(e) => void setStatus(m, e.currentTarget.value as MilestoneStatus)}
                >
                  {MILESTONE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {MILESTONE_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </span>
            </div>
            <OtherVersions
              versions={versions.of(m.id)}
              what="milestone"
              locale={locale}
              onChoose={versions.choose}
              describe={(row) => {
                const other = row as unknown as Milestone;
                return (
                  <p class="v-small">
                    <span class="v-user-text">{other.title}</span> ·{' '}
                    {other.dueDate ? `due ${formatDay(other.dueDate, locale, health.today)}` : 'no due date'}
                    {other.amountMinor !== undefined &&
                      ` · ${formatMoney(other.amountMinor, project.currency, locale, { trimZeroFraction: true })}`}{' '}
                    · {MILESTONE_STATUS_LABELS[other.status] ?? ''}
                  </p>
                );
              }}
            />
            {offer === m.id && (
              <PaymentOffer
                text={`Approved. Record the ${formatMoney(owed(m), project.currency, locale, { trimZeroFraction: true })} payment for “${m.title}”?`}
                title={m.title}
                onRecord={() => void recordPayment(m)}
                onDismiss={() => dismissOffer(m)}
              />
            )}
          </li>
        ),
      )}
    </RecordSection>
  );
}

function MilestoneForm({ project, milestone, onDone }: { project: Project; milestone?: Milestone; onDone: () => void }) {
  const idp = milestone ? `ms-${milestone.id}` : 'ms-new';
  const form = useRecordForm({
    initial: {
      title: milestone?.title ?? '',
      dueDate: milestone?.dueDate ?? '',
      amount: amountInputText(milestone?.amountMinor, project.currency),
      status: milestone?.status ?? 'pending',
    } satisfies MilestoneFormValues,
    idPrefix: idp,
    read: (values) => readMilestoneForm(values, project.currency, milestone ? 'edit' : 'create'),
    save: (patch, guard) =>
      send(
        'saveMilestone',
        milestone
          ? { projectId: project.id, id: milestone.id, baseUpdatedAt: guard.baseUpdatedAt, patch }
          : { projectId: project.id, createId: guard.createId, patch },
      ),
    onDone,
    version: milestone?.updatedAt,
  });
  const { errors, bind } = form;

  return (
    <form class="v-stack" onSubmit={form.submit} aria-label={milestone ? `Edit milestone ${milestone.title}` : 'New milestone'} noValidate>
      <Field id={`${idp}-title`} label="Milestone" error={errors.title}>
        <input class="v-input" {...bind('title')} maxLength={500} placeholder="e.g. First draft" />
      </Field>
      <div class="p-grid">
        <Field id={`${idp}-dueDate`} label="Due date" error={errors.dueDate}>
          <input class="v-input" type="date" {...bind('dueDate')} />
        </Field>
        <Field id={`${idp}-amount`} label={`Amount (${project.currency})`} error={errors.amount}>
          <input class="v-input v-num" inputMode="decimal" {...bind('amount')} />
        </Field>
      </div>
      <FormActions
        saveError={form.saveError}
        saving={form.saving}
        saveLabel={milestone ? 'Save milestone' : 'Add milestone'}
        onCancel={onDone}
        conflict={
          form.changedElsewhere
            ? { what: 'milestone', refused: form.refused, onReload: form.reload, onOverwrite: form.overwrite }
            : undefined
        }
      />
    </form>
  );
}

function PaymentOffer({ text, title, onRecord, onDismiss }: { text: string; title: string; onRecord: () => void; onDismiss: () => void }) {
  const record = useRef<HTMLButtonElement>(null);
  useEffect(() => record.current?.focus(), []);
  return (
    <div
      class="v-alert v-alert--info p-offer"
      role="group"
      aria-label="Record the payment"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onDismiss();
      }}
    >
      <span class="v-small">{text}</span>
      <span class="v-row">
        <button
          ref={record}
          type="button"
          class="v-btn v-btn--primary v-btn--sm"
          aria-label={`Record payment for ${title}`}
          onClick={onRecord}
        >
          Record payment
        </button>
        <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={onDismiss}>
          Not now
        </button>
      </span>
    </div>
  );
}
