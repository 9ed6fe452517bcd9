import { describe, expect, it } from 'vitest';
import {
  readMilestoneForm,
  readMoneyField,
  readPaymentForm,
  readProjectForm,
  type ProjectFormValues,
} from '../../../lib/domain/project-input';

const blank: ProjectFormValues = {
  title: 'Logo redesign',
  contractorKey: '',
  status: 'active',
  paymentModel: 'fixed',
  currency: 'USD',
  budget: '',
  rate: '',
  retainerPeriod: 'month',
  estimatedHours: '',
  hoursLogged: '',
  startDate: '',
  deadline: '',
  signedAt: '',
  expectations: '',
  deliverables: '',
  paymentSchedule: '',
  checkInDays: '',
};

describe('readMoneyField', () => {
  it('reads typed amounts into minor units', () => {
    expect(readMoneyField('1,250.50', 'USD', 'Budget')).toEqual({ ok: true, value: 125050 });
    expect(readMoneyField('  ', 'USD', 'Budget')).toEqual({ ok: true, value: null });
    expect(readMoneyField('1250', 'JPY', 'Budget')).toEqual({ ok: true, value: 1250 });
  });
  it('explains what is wrong with text that is not an amount', () => {
    const r = readMoneyField('twelve', 'USD', 'Budget');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Budget: “twelve” is not an amount in USD/);
  });
  it('refuses negative amounts', () => {
    const r = readMoneyField('-5', 'USD', 'Rate');
    expect(r).toEqual({ ok: false, error: 'Rate cannot be negative.' });
  });
});

describe('readProjectForm', () => {
  it('creates with only the fields the user filled', () => {
    const r = readProjectForm({ ...blank, budget: '$2,000', deadline: '2026-12-31', currency: 'usd' }, 'create');
    expect(r).toEqual({
      ok: true,
      patch: {
        title: 'Logo redesign',
        status: 'active',
        paymentModel: 'fixed',
        currency: 'USD',
        contract: {},
        budgetMinor: 200000,
        deadline: '2026-12-31',
      },
    });
  });

  it('in edit mode clears emptied fields with null', () => {
    const r = readProjectForm({ ...blank, contractorKey: 'upwork:~01abc', checkInDays: '7' }, 'edit');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.patch.budgetMinor).toBeNull();
    expect(r.patch.deadline).toBeNull();
    expect(r.patch.contractorKey).toBe('upwork:~01abc');
    expect(r.patch.checkInDays).toBe(7);
  });

  it('keeps rate and period only for the models that use them', () => {
    const hourly = readProjectForm({ ...blank, paymentModel: 'hourly', rate: '45', estimatedHours: '20', hoursLogged: '3.5' }, 'create');
    expect(hourly.ok && hourly.patch).toMatchObject({ rateMinor: 4500, estimatedHours: 20, hoursLogged: 3.5 });
    expect(hourly.ok && 'retainerPeriod' in hourly.patch).toBe(false);
    const retainer = readProjectForm({ ...blank, paymentModel: 'retainer', rate: '800', retainerPeriod: 'week' }, 'create');
    expect(retainer.ok && retainer.patch).toMatchObject({ rateMinor: 80000, retainerPeriod: 'week' });
    const fixed = readProjectForm({ ...blank, rate: '45' }, 'edit');
    expect(fixed.ok && fixed.patch.rateMinor).toBeNull();
  });

  it('collects the contract text, trimmed', () => {
    const r = readProjectForm({ ...blank, signedAt: '2026-11-02', expectations: '  Three concepts ', paymentSchedule: '50/50' }, 'create');
    expect(r.ok && r.patch.contract).toEqual({ signedAt: '2026-11-02', expectations: 'Three concepts', paymentSchedule: '50/50' });
  });

  it('in edit mode sends an emptied signed date as null and emptied texts as empty strings, so a field-by-field merge clears them', () => {
    const r = readProjectForm({ ...blank, deliverables: 'Figma file' }, 'edit');
    expect(r.ok && r.patch.contract).toEqual({ signedAt: null, expectations: '', deliverables: 'Figma file', paymentSchedule: '' });
  });

  it('a new project leaves an empty signed date out', () => {
    const r = readProjectForm({ ...blank, deliverables: 'Figma file' }, 'create');
    expect(r.ok && r.patch.contract).toEqual({ deliverables: 'Figma file' });
  });

  it('reports every bad field at once with a readable message', () => {
    const r = readProjectForm(
      { ...blank, title: ' ', budget: 'lots', checkInDays: '2.5', startDate: '2026-12-10', deadline: '2026-12-01', currency: 'US' },
      'create',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['checkInDays', 'currency', 'deadline', 'title']);
    expect(r.errors.checkInDays).toMatch(/whole number/);
    expect(r.errors.deadline).toMatch(/before the start date/);
  });

  it('rejects a bad amount once the currency is valid', () => {
    const r = readProjectForm({ ...blank, budget: '12.3456' }, 'create');
    expect(!r.ok && r.errors.budget).toMatch(/not an amount in USD/);
  });

  it('rejects days that do not exist', () => {
    const r = readProjectForm({ ...blank, deadline: '2026-02-30' }, 'create');
    expect(!r.ok && r.errors.deadline).toMatch(/must be a date/);
  });
});

describe('readMilestoneForm', () => {
  it('reads a milestone with a due date and amount', () => {
    expect(readMilestoneForm({ title: ' Draft ', dueDate: '2026-12-01', amount: '500', status: 'pending' }, 'EUR', 'create')).toEqual({
      ok: true,
      patch: { title: 'Draft', dueDate: '2026-12-01', amountMinor: 50000, status: 'pending' },
    });
  });
  it('clears emptied fields when editing', () => {
    const r = readMilestoneForm({ title: 'Draft', dueDate: '', amount: '', status: 'paid' }, 'EUR', 'edit');
    expect(r).toEqual({ ok: true, patch: { title: 'Draft', dueDate: null, amountMinor: null, status: 'paid' } });
  });
  it('needs a title and a valid amount', () => {
    const r = readMilestoneForm({ title: '', dueDate: '', amount: 'abc', status: 'pending' }, 'EUR', 'create');
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['amount', 'title']);
  });
});

describe('readPaymentForm', () => {
  it('reads a payment', () => {
    expect(readPaymentForm({ paidAt: '2026-11-20', amount: '500', currency: 'USD', milestoneId: 'm1', note: '' }, 'create')).toEqual({
      ok: true,
      patch: { paidAt: '2026-11-20', amountMinor: 50000, currency: 'USD', milestoneId: 'm1' },
    });
  });
  it('needs a date and a positive amount', () => {
    const r = readPaymentForm({ paidAt: '', amount: '0', currency: 'USD', milestoneId: '', note: '' }, 'create');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.paidAt).toMatch(/Pick a date/);
    expect(r.errors.amount).toMatch(/more than zero/);
  });
  it('asks for the amount when it is missing', () => {
    const r = readPaymentForm({ paidAt: '2026-11-20', amount: '', currency: 'GBP', milestoneId: '', note: '' }, 'create');
    expect(!r.ok && r.errors.amount).toBe('Type the amount paid.');
  });
});
