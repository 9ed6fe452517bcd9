/** Payments made on a project: date, amount, milestone, note. Add and delete in place. */
import { Trash2 } from 'lucide-preact';
import type { Milestone, Payment, Project } from '../../lib/db/schema';
import { formatDay } from '../../lib/domain/dates';
import { formatMoney } from '../../lib/domain/money';
import { readPaymentForm, type PaymentFormValues } from '../../lib/domain/project-input';
import { send } from '../../lib/messaging/client';
import { Field, fieldAria } from './Field';
import { FormActions } from './FormActions';
import { RecordSection, useRowAction } from './RecordSection';
import { useRecordForm } from './use-record-form';
import { OtherVersions } from '../shared/OtherVersions';
import { useOtherVersions } from '../shared/use-other-versions';
import './projects.css';

export interface PaymentsLedgerProps {
  project: Project;
  payments: readonly Payment[];
  milestones: readonly Milestone[];
  /** Today as 'YYYY-MM-DD' in the user's zone: the default payment date. */
  today: string;
  locale?: string;
}

export function PaymentsLedger({ project, payments, milestones, today, locale }: PaymentsLedgerProps) {
  const action = useRowAction();
  const titles = new Map(milestones.map((m) => [m.id, m.title]));
  // Newest first: the ledger is read to check the last payments.
  const sorted = [...payments].sort((a, b) => (a.paidAt === b.paidAt ? b.createdAt - a.createdAt : a.paidAt < b.paidAt ? 1 : -1));

  // issue 11: a payment changed on two devices before they synced shows "2 versions".
  const versions = useOtherVersions(
    'payments',
    payments.map((p) => p.id),
  );

  const remove = (p: Payment) =>
    action.run(
      () => send('deletePayment', { id: p.id }),
      `Delete the payment of ${formatMoney(p.amountMinor, p.currency, locale, { trimZeroFraction: true })} on ${formatDay(p.paidAt, locale)}?`,
    );

  return (
    <RecordSection
      title="Payments"
      addLabel="Record payment"
      empty="No payments recorded yet."
      hasRows={sorted.length > 0}
      error={action.error}
      addForm={(close) => <PaymentForm project={project} milestones={milestones} today={today} onDone={close} />}
    >
      {sorted.map((p) => (
        <li key={p.id} class="p-item" data-testid="payment-item">
          <div class="p-item__head">
            <span class="p-item__title v-num">{formatMoney(p.amountMinor, p.currency, locale, { trimZeroFraction: true })}</span>
            <span class="v-small v-muted">{formatDay(p.paidAt, locale, today)}</span>
            <button
              type="button"
              class="v-btn v-btn--ghost v-btn--sm v-btn--icon"
              aria-label="Delete payment"
              onClick={() => void remove(p)}
            >
              <Trash2 aria-hidden="true" />
            </button>
          </div>
          {(p.milestoneId || p.note) && (
            <div class="p-item__meta">
              {p.milestoneId && <span class="v-pill">{titles.get(p.milestoneId) ?? 'Deleted milestone'}</span>}
              {p.note && <span class="v-user-text">{p.note}</span>}
            </div>
          )}
          <OtherVersions
            versions={versions.of(p.id)}
            what="payment"
            locale={locale}
            onChoose={versions.choose}
            describe={(row) => {
              const other = row as unknown as Payment;
              return (
                <p class="v-small">
                  <span class="v-num">{formatMoney(other.amountMinor, other.currency, locale, { trimZeroFraction: true })}</span> ·{' '}
                  {formatDay(other.paidAt, locale, today)}
                  {other.milestoneId && ` · ${titles.get(other.milestoneId) ?? 'Deleted milestone'}`}
                  {other.note && (
                    <>
                      {' · '}
                      <span class="v-user-text">{other.note}</span>
                    </>
                  )}
                </p>
              );
            }}
          />
        </li>
      ))}
    </RecordSection>
  );
}

function PaymentForm({
  project,
  milestones,
  today,
  onDone,
}: {
  project: Project;
  milestones: readonly Milestone[];
  today: string;
  onDone: () => void;
}) {
  const form = useRecordForm({
    initial: { paidAt: today, amount: '', currency: project.currency, milestoneId: '', note: '' } satisfies PaymentFormValues,
    idPrefix: 'pay-new',
    read: (values) => readPaymentForm(values, 'create'),
    save: (patch, guard) => send('savePayment', { projectId: project.id, createId: guard.createId, patch }),
    onDone,
  });
  const { values, set, errors, bind } = form;

  return (
    <form class="v-stack" onSubmit={form.submit} aria-label="New payment" noValidate>
      <div class="p-grid">
        <Field id="pay-new-amount" label="Amount" error={errors.amount}>
          <input class="v-input v-num" inputMode="decimal" {...bind('amount')} />
        </Field>
        <Field
          id="pay-new-currency"
          label="Currency"
          error={errors.currency}
          help={values.currency.toUpperCase() !== project.currency ? 'Kept apart: no conversion.' : undefined}
        >
          <input class="v-input" maxLength={3} {...bind('currency')} />
        </Field>
        <Field id="pay-new-paidAt" label="Paid on" error={errors.paidAt}>
          <input class="v-input" type="date" {...bind('paidAt')} />
        </Field>
        {milestones.length > 0 && (
          <Field id="pay-new-milestoneId" label="For milestone">
            <select
              class="v-select"
              {...fieldAria('pay-new-milestoneId')}
              value={values.milestoneId}
              onChange={(e) => set('milestoneId', e.currentTarget.value)}
            >
              <option value="">None</option>
              {milestones.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <Field id="pay-new-note" label="Note (optional)">
        <input class="v-input" {...bind('note')} placeholder="e.g. deposit, invoice #12" />
      </Field>
      <FormActions saveError={form.saveError} saving={form.saving} saveLabel="Save payment" onCancel={onDone} />
    </form>
  );
}
