/**
 * What the user typed into the project, milestone and payment forms → the patch the background
 * stores, or a clear message per field. Pure: the forms keep their text, so a failed check or a
 * failed save loses nothing.
 */
import type { MilestoneStatus, PaymentModel, ProjectStatus, RetainerPeriod } from '../db/schema';
import { formatMoney, parseMoneyInput } from './money';

export type FormErrors<K extends string> = Partial<Record<K, string>>;
export type FormResult<P, K extends string> = { ok: true; patch: P } | { ok: false; errors: FormErrors<K> };
/** 'create': empty fields are left out. 'edit': empty fields become null (the PATCH clears them). */
export type FormMode = 'create' | 'edit';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Example amount in the currency, for messages: "1,250.50" in USD, "1,250" in JPY. */
function example(currency: string): string {
  try {
    return formatMoney(125050, currency, 'en').replace(/[^\d.,]/g, '');
  } catch {
    return '1,250.50';
  }
}

export type MoneyRead = { ok: true; value: number | null } | { ok: false; error: string };

/** An amount field: empty → null; otherwise minor units ≥ 0, or a message that says what to type. */
export function readMoneyField(text: string, currency: string, label: string): MoneyRead {
  if (text.trim() === '') return { ok: true, value: null };
  const value = parseMoneyInput(text, currency);
  if (value === null) {
    return { ok: false, error: `${label}: “${text.trim()}” is not an amount in ${currency}. Type it like ${example(currency)}.` };
  }
  if (value < 0) return { ok: false, error: `${label} cannot be negative.` };
  return { ok: true, value };
}

function readNumber(
  text: string,
  label: string,
  { integer = false, max = 1e6 } = {},
): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = text.trim().replace(',', '.');
  if (t === '') return { ok: true, value: null };
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0) return { ok: false, error: `${label} must be a number, 0 or more.` };
  if (integer && !Number.isInteger(n)) return { ok: false, error: `${label} must be a whole number.` };
  if (n > max) return { ok: false, error: `${label} must be at most ${max}.` };
  return { ok: true, value: n };
}

function readDay(text: string, label: string): { ok: true; value: string | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!isRealDay(t)) return { ok: false, error: `${label} must be a date (YYYY-MM-DD).` };
  return { ok: true, value: t };
}

// ------------------------------------------------------------------ project

export interface ProjectFormValues {
  title: string;
  contractorKey: string;
  status: ProjectStatus;
  paymentModel: PaymentModel;
  currency: string;
  budget: string;
  rate: string;
  retainerPeriod: RetainerPeriod;
  estimatedHours: string;
  hoursLogged: string;
  startDate: string;
  deadline: string;
  signedAt: string;
  expectations: string;
  deliverables: string;
  paymentSchedule: string;
  checkInDays: string;
}
export type ProjectField = keyof ProjectFormValues;

export interface ProjectFormPatch {
  title: string;
  contractorKey?: string | null;
  status?: ProjectStatus;
  paymentModel?: PaymentModel;
  currency?: string;
  budgetMinor?: number | null;
  rateMinor?: number | null;
  retainerPeriod?: RetainerPeriod | null;
  estimatedHours?: number | null;
  hoursLogged?: number | null;
  startDate?: string | null;
  deadline?: string | null;
  contract?: { signedAt?: string | null; expectations?: string; deliverables?: string; paymentSchedule?: string };
  checkInDays?: number | null;
}

export function readProjectForm(v: ProjectFormValues, mode: FormMode): FormResult<ProjectFormPatch, ProjectField> {
  const errors: FormErrors<ProjectField> = {};
  const title = v.title.trim();
  if (title === '') errors.title = 'Give the project a title, e.g. “Logo redesign”.';
  else if (title.length > 500) errors.title = 'The title is too long (500 characters at most).';

  const currency = v.currency.trim().toUpperCase();
  const currencyOk = /^[A-Z]{3}$/.test(currency);
  if (!currencyOk) errors.currency = 'Currency must be a three-letter code such as USD, EUR or GBP.';

  const money = (field: 'budget' | 'rate', label: string) => {
    if (!currencyOk) return null;
    const r = readMoneyField(v[field], currency, label);
    if (!r.ok) {
      errors[field] = r.error;
      return null;
    }
    return r.value;
  };
  const budgetMinor = money('budget', 'Budget');
  const rateLabel = v.paymentModel === 'retainer' ? 'Retainer amount' : 'Rate';
  const rateMinor = money('rate', rateLabel);

  const num = (field: 'estimatedHours' | 'hoursLogged' | 'checkInDays', label: string, opts?: { integer?: boolean; max?: number }) => {
    const r = readNumber(v[field], label, opts);
    if (!r.ok) {
      errors[field] = r.error;
      return null;
    }
    return r.value;
  };
  const estimatedHours = num('estimatedHours', 'Estimated hours');
  const hoursLogged = num('hoursLogged', 'Hours logged');
  const checkInDays = num('checkInDays', 'Check-in rhythm', { integer: true, max: 365 });

  const day = (field: 'startDate' | 'deadline' | 'signedAt', label: string) => {
    const r = readDay(v[field], label);
    if (!r.ok) {
      errors[field] = r.error;
      return null;
    }
    return r.value;
  };
  const startDate = day('startDate', 'Start date');
  const deadline = day('deadline', 'Deadline');
  const signedAt = day('signedAt', 'Contract signed');
  if (startDate && deadline && deadline < startDate) errors.deadline = 'The deadline is before the start date.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const contract: NonNullable<ProjectFormPatch['contract']> = {};
  // The background merges the contract field by field: an emptied date is sent as null and an
  // emptied text as '' to clear it.
  if (signedAt || mode === 'edit') contract.signedAt = signedAt;
  for (const k of ['expectations', 'deliverables', 'paymentSchedule'] as const) {
    const t = v[k].trim();
    if (t || mode === 'edit') contract[k] = t;
  }
  const patch: ProjectFormPatch = {
    title,
    status: v.status,
    paymentModel: v.paymentModel,
    currency,
    contract,
  };
  const optional = {
    contractorKey: v.contractorKey.trim() || null,
    budgetMinor,
    rateMinor: v.paymentModel === 'hourly' || v.paymentModel === 'retainer' ? rateMinor : null,
    retainerPeriod: v.paymentModel === 'retainer' ? v.retainerPeriod : null,
    estimatedHours: v.paymentModel === 'hourly' ? estimatedHours : null,
    hoursLogged: v.paymentModel === 'hourly' ? hoursLogged : null,
    startDate,
    deadline,
    checkInDays,
  } as const;
  for (const [k, value] of Object.entries(optional)) {
    if (value !== null || mode === 'edit') (patch as unknown as Record<string, unknown>)[k] = value;
  }
  return { ok: true, patch };
}

// ------------------------------------------------------------------ milestone

export interface MilestoneFormValues {
  title: string;
  dueDate: string;
  amount: string;
  status: MilestoneStatus;
}
export type MilestoneField = keyof MilestoneFormValues;
export interface MilestoneFormPatch {
  title: string;
  dueDate?: string | null;
  amountMinor?: number | null;
  status: MilestoneStatus;
}

export function readMilestoneForm(
  v: MilestoneFormValues,
  currency: string,
  mode: FormMode,
): FormResult<MilestoneFormPatch, MilestoneField> {
  const errors: FormErrors<MilestoneField> = {};
  const title = v.title.trim();
  if (title === '') errors.title = 'Give the milestone a title, e.g. “First draft”.';
  else if (title.length > 500) errors.title = 'The title is too long (500 characters at most).';
  const due = readDay(v.dueDate, 'Due date');
  if (!due.ok) errors.dueDate = due.error;
  const amount = readMoneyField(v.amount, currency, 'Amount');
  if (!amount.ok) errors.amount = amount.error;
  if (!due.ok || !amount.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const patch: MilestoneFormPatch = { title, status: v.status };
  if (due.value !== null || mode === 'edit') patch.dueDate = due.value;
  if (amount.value !== null || mode === 'edit') patch.amountMinor = amount.value;
  return { ok: true, patch };
}

// ------------------------------------------------------------------ payment

export interface PaymentFormValues {
  paidAt: string;
  amount: string;
  currency: string;
  milestoneId: string;
  note: string;
}
export type PaymentField = keyof PaymentFormValues;
export interface PaymentFormPatch {
  paidAt: string;
  amountMinor: number;
  currency: string;
  milestoneId?: string | null;
  note?: string | null;
}

export function readPaymentForm(v: PaymentFormValues, mode: FormMode): FormResult<PaymentFormPatch, PaymentField> {
  const errors: FormErrors<PaymentField> = {};
  const currency = v.currency.trim().toUpperCase();
  const currencyOk = /^[A-Z]{3}$/.test(currency);
  if (!currencyOk) errors.currency = 'Currency must be a three-letter code such as USD, EUR or GBP.';
  const day = readDay(v.paidAt, 'Date paid');
  if (!day.ok) errors.paidAt = day.error;
  else if (day.value === null) errors.paidAt = 'When was it paid? Pick a date.';
  let amountMinor: number | null = null;
  if (currencyOk) {
    if (v.amount.trim() === '') errors.amount = 'Type the amount paid.';
    else {
      const r = readMoneyField(v.amount, currency, 'Amount');
      if (!r.ok) errors.amount = r.error;
      else if (r.value === 0) errors.amount = 'The amount paid must be more than zero.';
      else amountMinor = r.value;
    }
  }
  if (Object.keys(errors).length > 0 || amountMinor === null || !day.ok || day.value === null) return { ok: false, errors };
  const patch: PaymentFormPatch = { paidAt: day.value, amountMinor, currency };
  const milestoneId = v.milestoneId.trim() || null;
  const note = v.note.trim() || null;
  if (milestoneId !== null || mode === 'edit') patch.milestoneId = milestoneId;
  if (note !== null || mode === 'edit') patch.note = note;
  return { ok: true, patch };
}
