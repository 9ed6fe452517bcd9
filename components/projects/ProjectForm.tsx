/**
 * Create or edit a project: title, contractor, status, payment model, budget, rate or retainer,
 * dates, contract terms and check-in rhythm. Text stays in the form until a save succeeds.
 */
import { useRef, useState } from 'preact/hooks';
import { PAYMENT_MODELS, PROJECT_STATUSES } from '../../lib/db/constants';
import type { Contractor, PaymentModel, Project, ProjectStatus, RetainerPeriod } from '../../lib/db/schema';
import { amountInputText, formatMoney, minorDigits } from '../../lib/domain/money';
import { checkNewContractor } from '../../lib/domain/new-contractor';
import { readProjectForm, type FormErrors, type ProjectField, type ProjectFormValues } from '../../lib/domain/project-input';
import { send, VettedError } from '../../lib/messaging/client';
import { ChangedElsewhere, isConflict } from '../shared/ChangedElsewhere';
import { DateInput } from './DateInput';
import { Field, fieldAria } from './Field';
import { PAYMENT_MODEL_LABELS, PROJECT_STATUS_LABELS, RETAINER_PERIOD_LABELS, SITE_LABELS } from './labels';
import { ErrorAlert } from '../shared/ErrorAlert';
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

export function ProjectForm(props: ProjectFormProps) {
  const { project, contractors, onSaved, onCancel } = props;
  const mode = project ? 'edit' : 'create';
  const [values, setValues] = useState<ProjectFormValues>(() =>
    initialProjectValues(project, {
      contractorKey: props.defaultContractorKey,
      currency: props.defaultCurrency,
      title: props.defaultTitle,
    }),
  );
  const [errors, setErrors] = useState<FormErrors<ProjectField>>({});
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [newName, setNewName] = useState('');
  const [newLink, setNewLink] = useState('');
  const [newErrors, setNewErrors] = useState<{ name?: string; link?: string }>({});
  const idp = project ? `project-${project.id}` : 'project-new';
  // issue 12: one id per new project (a retried create saves once), and the version an edit began
  // from (a newer stored one refuses the save: "changed elsewhere").
  const createId = useRef(crypto.randomUUID());
  const [base, setBase] = useState(project?.updatedAt);
  const [refused, setRefused] = useState(false);
  const changedElsewhere = !!project && (refused || (base !== undefined && project.updatedAt > base));

  const set = <K extends ProjectField>(k: K, v: ProjectFormValues[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    if (errors[k]) setErrors((old) => ({ ...old, [k]: undefined }));
  };
  const text = (k: ProjectField) => ({
    ...fieldAria(`${idp}-${k}`, errors[k]),
    value: values[k],
    onInput: (e: Event) => set(k, (e.currentTarget as HTMLInputElement).value as never),
  });

  const submit = async (e: Event, from = base) => {
    e.preventDefault();
    const isNew = values.contractorKey === NEW_CONTRACTOR;
    const read = readProjectForm({ ...values, contractorKey: isNew ? '' : values.contractorKey }, mode);
    const person = isNew ? checkNewContractor(newName, newLink) : null;
    setNewErrors(person && !person.ok ? person.errors : {});
    if (!read.ok || (person && !person.ok)) {
      setErrors(read.ok ? {} : read.errors);
      setSaveError('Please fix the fields marked in red.');
      return;
    }
    setErrors({});
    setSaveError(undefined);
    setSaving(true);
    try {
      const { contractorKey, ...rest } = read.patch;
      // "Someone new" is tracked by the background in the same transaction as the project.
      const saved = project
        ? await send('updateProject', { id: project.id, patch: read.patch, ...(from !== undefined ? { baseUpdatedAt: from } : {}) })
        : await send('createProject', {
            ...rest,
            ...(person?.ok ? { newContractor: { name: newName, link: newLink } } : contractorKey ? { contractorKey } : {}),
            createId: createId.current,
          });
      onSaved(saved, project);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (isConflict(err)) setRefused(true);
      else {
        // The background decides whether a link is a profile page (it knows the marketplaces).
        if (person?.ok && err instanceof VettedError && err.code === 'bad-request') setNewErrors({ link: message });
        setSaveError(message);
      }
    } finally {
      setSaving(false);
    }
  };
  /** Changed elsewhere: keep what was typed, saved over the other version. */
  const overwrite = (e: Event) => {
    setRefused(false);
    setBase(project?.updatedAt);
    void submit(e, project?.updatedAt);
  };
  /** Changed elsewhere: show the other version in the form (what was typed is dropped). */
  const reload = () => {
    setRefused(false);
    setBase(project?.updatedAt);
    setValues(
      initialProjectValues(project, {
        contractorKey: props.defaultContractorKey,
        currency: props.defaultCurrency,
        title: props.defaultTitle,
      }),
    );
    setErrors({});
  };

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
    <form class="p-form v-stack" onSubmit={(e) => void submit(e)} aria-label={project ? 'Edit project' : 'New project'} noValidate>
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
          <Field id={`${idp}-newName`} label="Their name" error={newErrors.name}>
            <input
              class="v-input"
              {...fieldAria(`${idp}-newName`, newErrors.name)}
              value={newName}
              maxLength={500}
              onInput={(e) => setNewName(e.currentTarget.value)}
            />
          </Field>
          <Field id={`${idp}-newLink`} label="Profile link" error={newErrors.link}>
            <input
              class="v-input"
              type="url"
              {...fieldAria(`${idp}-newLink`, newErrors.link)}
              value={newLink}
              placeholder="https://www.upwork.com/freelancers/~01…"
              onInput={(e) => setNewLink(e.currentTarget.value)}
            />
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
      {changedElsewhere && <ChangedElsewhere what="project" refused={refused} onReload={reload} onOverwrite={overwrite} />}
      <ErrorAlert message={saveError} />
      <div class="v-row">
        <button type="submit" class="v-btn v-btn--primary" disabled={saving}>
          {saving ? 'Saving…' : project ? 'Save project' : 'Create project'}
        </button>
        {onCancel && (
          <button type="button" class="v-btn v-btn--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
