/**
 * Milestones of a project: due date, amount, status (pending → in progress → submitted →
 * approved → paid). Overdue ones are marked; add, edit, advance and delete in place.
 */
import { useState } from 'preact/hooks';
import { AlertTriangle, Pencil, Plus, Trash2 } from 'lucide-preact';
import { MILESTONE_STATUSES, type Milestone, type MilestoneStatus, type Project } from '../../lib/db/schema';
import { daysBetween, formatDay, formatRelativeDays } from '../../lib/domain/dates';
import { formatMoney, minorDigits } from '../../lib/domain/money';
import { compareMilestones, type ProjectHealth } from '../../lib/domain/project-health';
import { readMilestoneForm, type FormErrors, type MilestoneField, type MilestoneFormValues } from '../../lib/domain/project-input';
import { send } from '../../lib/messaging/client';
import { Field, fieldAria } from './Field';
import { MILESTONE_STATUS_LABELS } from './labels';
import './projects.css';

export interface MilestoneListProps {
  project: Project;
  milestones: readonly Milestone[];
  health: ProjectHealth;
  locale?: string;
}

function amountText(minor: number | undefined, currency: string): string {
  if (minor === undefined) return '';
  const d = minorDigits(currency);
  return (minor / 10 ** d).toFixed(d);
}

export function MilestoneList({ project, milestones, health, locale }: MilestoneListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string>();
  const overdue = new Set(health.overdueMilestones.map((m) => m.id));
  const sorted = [...milestones].sort(compareMilestones);

  const setStatus = async (m: Milestone, status: MilestoneStatus) => {
    setError(undefined);
    try {
      await send('saveMilestone', { projectId: project.id, id: m.id, patch: { status } });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const remove = async (m: Milestone) => {
    if (!confirm(`Delete the milestone “${m.title}”?`)) return;
    setError(undefined);
    try {
      await send('deleteMilestone', { id: m.id });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section class="v-stack" aria-label="Milestones">
      <div class="v-row">
        <h3 class="v-spacer">Milestones</h3>
        {!adding && (
          <button type="button" class="v-btn v-btn--sm" onClick={() => setAdding(true)}>
            <Plus aria-hidden="true" /> Add milestone
          </button>
        )}
      </div>
      {error && (
        <p class="v-alert v-alert--error" role="alert">
          {error}
        </p>
      )}
      {sorted.length === 0 && !adding && (
        <p class="v-small v-muted">No milestones yet. Split the work into steps with due dates so delays show early.</p>
      )}
      <ul class="p-list">
        {sorted.map((m) =>
          editing === m.id ? (
            <li key={m.id} class="p-item">
              <MilestoneForm project={project} milestone={m} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={m.id} class={`p-item${overdue.has(m.id) ? ' p-item--overdue' : ''}`} data-testid="milestone-item" data-milestone-id={m.id}>
              <div class="p-item__head">
                <span class="p-item__title v-user-text">{m.title}</span>
                {overdue.has(m.id) && (
                  <span class="v-pill v-pill--danger">
                    <AlertTriangle size={12} aria-hidden="true" /> Overdue
                  </span>
                )}
                <button type="button" class="v-btn v-btn--ghost v-btn--sm v-btn--icon" aria-label={`Edit ${m.title}`} onClick={() => setEditing(m.id)}>
                  <Pencil aria-hidden="true" />
                </button>
                <button type="button" class="v-btn v-btn--ghost v-btn--sm v-btn--icon" aria-label={`Delete ${m.title}`} onClick={() => void remove(m)}>
                  <Trash2 aria-hidden="true" />
                </button>
              </div>
              <div class="p-item__meta">
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
                {m.amountMinor !== undefined && <span class="v-num">{formatMoney(m.amountMinor, project.currency, locale)}</span>}
                <span class="v-spacer" />
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
              </div>
            </li>
          ),
        )}
      </ul>
      {adding && (
        <div class="p-add">
          <MilestoneForm project={project} onDone={() => setAdding(false)} />
        </div>
      )}
    </section>
  );
}

function MilestoneForm({ project, milestone, onDone }: { project: Project; milestone?: Milestone; onDone: () => void }) {
  const [values, setValues] = useState<MilestoneFormValues>({
    title: milestone?.title ?? '',
    dueDate: milestone?.dueDate ?? '',
    amount: amountText(milestone?.amountMinor, project.currency),
    status: milestone?.status ?? 'pending',
  });
  const [errors, setErrors] = useState<FormErrors<MilestoneField>>({});
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const idp = milestone ? `ms-${milestone.id}` : 'ms-new';
  const bind = (k: 'title' | 'dueDate' | 'amount') => ({
    ...fieldAria(`${idp}-${k}`, errors[k]),
    value: values[k],
    onInput: (e: Event) => {
      const v = (e.currentTarget as HTMLInputElement).value;
      setValues((o) => ({ ...o, [k]: v }));
    },
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const read = readMilestoneForm(values, project.currency, milestone ? 'edit' : 'create');
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(undefined);
    try {
      await send('saveMilestone', { projectId: project.id, ...(milestone ? { id: milestone.id } : {}), patch: read.patch });
      onDone();
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="v-stack" onSubmit={submit} aria-label={milestone ? `Edit milestone ${milestone.title}` : 'New milestone'} noValidate>
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
      {saveError && (
        <p class="v-alert v-alert--error" role="alert">
          {saveError}
        </p>
      )}
      <div class="v-row">
        <button type="submit" class="v-btn v-btn--primary v-btn--sm" disabled={saving}>
          {saving ? 'Saving…' : milestone ? 'Save milestone' : 'Add milestone'}
        </button>
        <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
