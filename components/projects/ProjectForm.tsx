/**
 * Create or edit a project: title, contractor, status, payment model, budget, rate or retainer,
 * dates, contract terms and check-in rhythm. Text stays in the form until a save succeeds.
 */
import { PAYMENT_MODELS, PROJECT_STATUSES } from '../../lib/db/constants';
import type { Contractor, PaymentModel, Project, ProjectStatus, RetainerPeriod } from '../../lib/db/schema';
import { amountInputText, formatMoney, minorDigits } from '../../lib/domain/money';
import { checkNewContractor } from '../../lib/domain/new-contractor';
import {
  readProjectForm,
  type FormErrors,
  type FormMode,
  type FormResult,
  type ProjectFormPatch,
  type ProjectFormValues,
} from '../../lib/domain/project-input';
import { send, VettedError } from '../../lib/messaging/client';
import { DateInput } from './DateInput';
import { Field, fieldAria } from './Field';
import { FormActions } from './FormActions';
import { useRecordForm } from './use-record-form';
import { PAYMENT_MODEL_LABELS, PROJECT_STATUS_LABELS, RETAINER_PERIOD_LABELS, SITE_LABELS } from './labels';
import './projects.css';

export interface ProjectFormProps {
  project?: Project;
  contractors: readonly Contractor[];
  defaultContractorKey?: string;
  defaultCurrency: string;
  /** Title suggested for a new project. */
  defaultTitle?: string;
  onSaved: (project: Project, before?: Project) => void;
  onCancel?: () => void;
}

export function initialProjectValues(
  project: Project | undefined,
  defaults: { contractorKey?: string; currency: string; title?: string },
): ProjectFormValues {
  const currency = project?.currency ?? defaults.currency;
  return {
    title: project?.title ?? defaults.title ?? '',
    contractorKey: project ? (project.contractorKey ?? '') : (defaults.contractorKey ?? ''),
    status: project?.status ?? 'active',
    paymentModel: project?.paymentModel ?? 'fixed',
    currency,
    budget: amountInputText(project?.budgetMinor, currency),
    rate: amountInputText(project?.rateMinor, currency),
    retainerPeriod: project?.retainerPeriod ?? 'month',
    estimatedHours: project?.estimatedHours?.toString() ?? '',
    hoursLogged: project?.hoursLogged?.toString() ?? '',
    startDate: project?.startDate ?? '',
    deadline: project?.deadline ?? '',
    signedAt: project?.contract.signedAt ?? '',
    expectations: project?.contract.expectations ?? '',
    deliverables: project?.contract.deliverables ?? '',
    paymentSchedule: project?.contract.paymentSchedule ?? '',
    checkInDays: project ? (project.checkInDays?.toString() ?? '') : '7',
  };
}

/** Select value for "someone new": the form then asks for a name and a profile link. */
const NEW_CONTRACTOR = '__new__';

const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'INR', 'CHF', 'JPY', 'PLN', 'UAH'];

/** The form's values: the project's fields, and "someone new"'s name and link. */
type Values = ProjectFormValues & { newName: string; newLink: string };
type Field = keyof Values & string;
type Saving = { patch: ProjectFormPatch; person: { name: string; link: string } | null };

/** Reads the whole form: the project (lib/domain/project-input) and, for "someone new", their name and link. */
function readForm(v: Values, mode: FormMode): FormResult<Saving, Field> {
  const isNew = v.contractorKey === NEW_CONTRACTOR;
  const read = readProjectForm({ ...v, contractorKey: isNew ? '' : v.contractorKey }, mode);
  const person = isNew ? checkNewContractor(v.newName, v.newLink) : null;
  if (read.ok && (!person || person.ok))
    return { ok: true, patch: { patch: read.patch, person: person ? { name: v.newName, link: v.newLink } : null } };
  const errors: FormErrors<Field> = read.ok ? {} : { ...read.errors };
  if (person && !person.ok) Object.assign(errors, { newName: person.errors.name, newLink: person.errors.link });
  return { ok: false, errors };
}

export function ProjectForm(props: ProjectFormProps) {
  const { project, contractors, onSaved, onCancel } = props;
  const mode = project ? 'edit' : 'create';
  const idp = project ? `project-${project.id}` : 'project-new';
  // issue 12 (in useRecordForm): one id per new project (a retried create saves once), and the
  // version an edit began from (a newer stored one refuses the save: "changed elsewhere").
  const form = useRecordForm({
    initial: {
      ...initialProjectValues(project, {
        contractorKey: props.defaultContractorKey,
        currency: props.defaultCurrency,
        title: props.defaultTitle,
      }),
      newName: '',
      newLink: '',
    } satisfies Values,
    idPrefix: idp,
    read: (v) => readForm(v, mode),
    save: ({ patch, person }, guard) => {
      if (project)
        return send('updateProject', {
          id: project.id,
          patch,
          ...(guard.baseUpdatedAt !== undefined ? { baseUpdatedAt: guard.baseUpdatedAt } : {}),
        });
      const { contractorKey, ...rest } = patch;
      // "Someone new" is tracked by the background in the same transaction as the project.
      return send('createProject', {
        ...rest,
        ...(person ? { newContractor: person } : contractorKey ? { contractorKey } : {}),
        createId: guard.createId,
      });
    },
    onDone: (saved) => onSaved(saved, project),
    version: project?.updatedAt,
    invalidMessage: 'Please fix the fields marked in red.',
    // The background decides whether a link is a profile page (it knows the marketplaces).
    fieldOfError: (err, v) =>
      v.contractorKey === NEW_CONTRACTOR && err instanceof VettedError && err.code === 'bad-request' ? 'newLink' : undefined,
  });
  const { values, errors, set } = form;
  const text = form.bind;

  const model = values.paymentModel;
  const currency = values.currency.trim().toUpperCase() || 'USD';
  const known = values.contractorKey === NEW_CONTRACTOR || contractors.some((c) => c.key === values.contractorKey);
  const currencies = COMMON_CURRENCIES.includes(currency) ? COMMON_CURRENCIES : [currency, ...COMMON_CURRENCIES];
  let placeholder = '2,000';
  try {
    placeholder = formatMoney(200000 * 10 ** (minorDigits(currency) - 2), currency, undefined, { trimZeroFraction: true })
      .replace(/[^\d.,\s]/g, '')
      .trim();
  } catch {
    // placeholder only
  }

  return (
    <form class="p-form v-stack" onSubmit={(e) => void form.submit(e)} aria-label={project ? 'Edit project' : 'New project'} noValidate>
      <Field id={`${idp}-title`} label="Title" error={errors.title}>
        <input class="v-input" {...text('title')} maxLength={500} placeholder="e.g. Shopify email flows" />
      </Field>
      <Field id={`${idp}-contractorKey`} label="Contractor" help="Contractors you have looked at with Vetted.">
        <select
          class="v-select"
          {...fieldAria(`${idp}-contractorKey`)}
          value={values.contractorKey}
          onChange={(e) => set('contractorKey', e.currentTarget.value)}
        >
          <option value="">No contractor yet</option>
          {!known && values.contractorKey && <option value={values.contractorKey}>{values.contractorKey}</option>}
          {contractors.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name || c.siteId} · {SITE_LABELS[c.site] ?? c.site}
            </option>
          ))}
          <option value={NEW_CONTRACTOR}>Someone new…</option>
        </select>
      </Field>
      {values.contractorKey === NEW_CONTRACTOR && (
        <div class="p-grid p-add">
          <Field id={`${idp}-newName`} label="Their name" error={errors.newName}>
            <input class="v-input" {...text('newName')} maxLength={500} />
          </Field>
          <Field id={`${idp}-newLink`} label="Profile link" error={errors.newLink}>
            <input class="v-input" type="url" {...text('newLink')} placeholder="https://www.upwork.com/freelancers/~01…" />
          </Field>
        </div>
      )}
      <div class="p-grid">
        <Field id={`${idp}-status`} label="Status">
          <select
            class="v-select"
            {...fieldAria(`${idp}-status`)}
            value={values.status}
            onChange={(e) => set('status', e.currentTarget.value as ProjectStatus)}
          >
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PROJECT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${idp}-paymentModel`} label="Payment model">
          <select
            class="v-select"
            {...fieldAria(`${idp}-paymentModel`)}
            value={model}
            onChange={(e) => set('paymentModel', e.currentTarget.value as PaymentModel)}
          >
            {PAYMENT_MODELS.map((m) => (
              <option key={m} value={m}>
                {PAYMENT_MODEL_LABELS[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${idp}-budget`} label="Budget" error={errors.budget}>
          <input class="v-input v-num" inputMode="decimal" {...text('budget')} placeholder={placeholder} />
        </Field>
        <Field id={`${idp}-currency`} label="Currency" error={errors.currency}>
          <input class="v-input" {...text('currency')} list={`${idp}-currencies`} maxLength={3} autoCapitalize="characters" />
          <datalist id={`${idp}-currencies`}>
            {currencies.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
        {(model === 'hourly' || model === 'retainer') && (
          <Field id={`${idp}-rate`} label={model === 'hourly' ? `Hourly rate (${currency})` : `Retainer (${currency})`} error={errors.rate}>
            <input class="v-input v-num" inputMode="decimal" {...text('rate')} />
          </Field>
        )}
        {model === 'retainer' && (
          <Field id={`${idp}-retainerPeriod`} label="Paid">
            <select
              class="v-select"
              {...fieldAria(`${idp}-retainerPeriod`)}
              value={values.retainerPeriod}
              onChange={(e) => set('retainerPeriod', e.currentTarget.value as RetainerPeriod)}
            >
              {(['week', 'month'] as const).map((p) => (
                <option key={p} value={p}>
                  {RETAINER_PERIOD_LABELS[p]}
                </option>
              ))}
            </select>
          </Field>
        )}
        {model === 'hourly' && (
          <>
            <Field id={`${idp}-estimatedHours`} label="Hours expected" error={errors.estimatedHours}>
              <input class="v-input v-num" inputMode="decimal" {...text('estimatedHours')} />
            </Field>
            <Field id={`${idp}-hoursLogged`} label="Hours logged" error={errors.hoursLogged}>
              <input class="v-input v-num" inputMode="decimal" {...text('hoursLogged')} />
            </Field>
          </>
        )}
        <Field id={`${idp}-startDate`} label="Start" error={errors.startDate}>
          <DateInput
            id={`${idp}-startDate`}
            label="Start date"
            value={values.startDate}
            error={errors.startDate}
            onChange={(v) => set('startDate', v)}
          />
        </Field>
        <Field id={`${idp}-deadline`} label="Deadline" error={errors.deadline}>
          <DateInput
            id={`${idp}-deadline`}
            label="Deadline"
            value={values.deadline}
            error={errors.deadline}
            onChange={(v) => set('deadline', v)}
          />
        </Field>
        <Field id={`${idp}-checkInDays`} label="Check in every (days)" error={errors.checkInDays} help="0 or empty: no reminder">
          <input class="v-input v-num" inputMode="numeric" {...text('checkInDays')} />
        </Field>
      </div>
      <details class="p-details" open={Boolean(project && (project.contract.signedAt || project.contract.expectations))}>
        <summary>Contract: expectations, deliverables, payment schedule</summary>
        <div class="v-stack">
          <Field id={`${idp}-signedAt`} label="Contract signed on" error={errors.signedAt}>
            <DateInput
              id={`${idp}-signedAt`}
              label="Contract signed on"
              value={values.signedAt}
              error={errors.signedAt}
              onChange={(v) => set('signedAt', v)}
            />
          </Field>
          <Field id={`${idp}-expectations`} label="Expectations">
            <textarea class="v-textarea" {...text('expectations')} placeholder="What does “done” look like?" />
          </Field>
          <Field id={`${idp}-deliverables`} label="Deliverables">
            <textarea class="v-textarea" {...text('deliverables')} placeholder="Files, formats, handover" />
          </Field>
          <Field id={`${idp}-paymentSchedule`} label="Payment schedule">
            <textarea class="v-textarea" {...text('paymentSchedule')} placeholder="e.g. 30% upfront, 70% on delivery" />
          </Field>
        </div>
      </details>
      <FormActions
        saveError={form.saveError}
        saving={form.saving}
        saveLabel={project ? 'Save project' : 'Create project'}
        size="md"
        onCancel={onCancel}
        conflict={
          form.changedElsewhere ? { what: 'project', refused: form.refused, onReload: form.reload, onOverwrite: form.overwrite } : undefined
        }
      />
    </form>
  );
}
