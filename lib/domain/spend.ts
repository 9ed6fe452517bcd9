/**
 * Spend reports (issue 16): per month, per contractor, per project; committed against paid
 * against remaining. Pure, per currency, never converted (DESIGN.md rule 5).
 *
 * - Paid: the sum of payments, refunds being negative payments. A payment counts in its own
 *   currency, also when that differs from its project's.
 * - Committed: a project's budget, or the sum of its milestone amounts when it has no budget.
 *   A cancelled project commits what was paid on it (nothing more is coming).
 * - Remaining: committed minus paid in the project's currency, never below zero; paying more
 *   than committed shows as `over`.
 * - Months are the payment's calendar day ('YYYY-MM-DD' → 'YYYY-MM'): no time zone can move a
 *   payment made on the 31st into the next month. Months without payments between the first and
 *   the last are listed with zero, so a chart does not hide a quiet month.
 */
import type { Milestone, Payment, Project } from '../db/schema';

export interface Figures {
  committed: number;
  paid: number;
  remaining: number;
  over: number;
}

export interface CurrencyTotals extends Figures {
  currency: string;
  payments: number;
}

export interface MonthSpend {
  /** 'YYYY-MM' */
  month: string;
  currency: string;
  paid: number;
  payments: number;
}

export interface ContractorSpend extends Figures {
  /** null: projects with nobody attached (or whose contractor was deleted). */
  key: string | null;
  name: string;
  currency: string;
  projects: number;
}

export interface ProjectSpend extends Figures {
  projectId: string;
  title: string;
  status: Project['status'] | null;
  contractorKey: string | null;
  contractorName: string | null;
  currency: string;
}

export interface SpendReport {
  currencies: string[];
  totals: CurrencyTotals[];
  byMonth: MonthSpend[];
  byContractor: ContractorSpend[];
  byProject: ProjectSpend[];
}

export interface SpendInput {
  projects: readonly Project[];
  payments: readonly Payment[];
  milestones: readonly Milestone[];
  /** Names of contractors, by key. */
  names: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

const NOBODY = 'No contractor';
const DELETED_PROJECT = 'Deleted project';

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** 'YYYY-MM' months from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 1200) break; // a century: a mistyped year must not hang the page
  }
  return out;
}

function figures(committed: number, paid: number): Figures {
  return { committed, paid, remaining: Math.max(0, committed - paid), over: Math.max(0, paid - committed) };
}

/** What a project commits in its currency (see the module comment). */
export function committedOf(project: Project, milestones: readonly Milestone[], paidInCurrency: number): number {
  if (project.status === 'cancelled') return Math.max(0, paidInCurrency);
  if (project.budgetMinor !== undefined) return project.budgetMinor;
  return milestones.reduce((sum, m) => sum + (m.amountMinor ?? 0), 0);
}

function nameLookup(names: SpendInput['names']): (key: string) => string | undefined {
  if (names instanceof Map) return (k) => names.get(k);
  const record = names as Readonly<Record<string, string>>;
  return (k) => (Object.prototype.hasOwnProperty.call(record, k) ? record[k] : undefined);
}

function byCodeThen<T extends { currency: string }>(rank: (a: T, b: T) => number) {
  return (a: T, b: T) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : rank(a, b));
}

export function spendReport(input: SpendInput): SpendReport {
  const nameOf = nameLookup(input.names);
  const milestonesOf = new Map<string, Milestone[]>();
  for (const m of input.milestones) {
    const list = milestonesOf.get(m.projectId) ?? [];
    list.push(m);
    milestonesOf.set(m.projectId, list);
  }
  // Paid per (project, currency).
  const paidOn = new Map<string, Map<string, { paid: number; count: number }>>();
  const months = new Map<string, Map<string, { paid: number; count: number }>>();
  const totalsPaid = new Map<string, { paid: number; count: number }>();
  for (const p of input.payments) {
    const perProject = paidOn.get(p.projectId) ?? new Map();
    const cell = perProject.get(p.currency) ?? { paid: 0, count: 0 };
    cell.paid += p.amountMinor;
    cell.count += 1;
    perProject.set(p.currency, cell);
    paidOn.set(p.projectId, perProject);

    const perCurrency = months.get(p.currency) ?? new Map();
    const month = monthOf(p.paidAt);
    const mcell = perCurrency.get(month) ?? { paid: 0, count: 0 };
    mcell.paid += p.amountMinor;
    mcell.count += 1;
    perCurrency.set(month, mcell);
    months.set(p.currency, perCurrency);

    const total = totalsPaid.get(p.currency) ?? { paid: 0, count: 0 };
    total.paid += p.amountMinor;
    total.count += 1;
    totalsPaid.set(p.currency, total);
  }

  const byProject: ProjectSpend[] = [];
  const projectIds = new Set<string>();
  for (const project of input.projects) {
    projectIds.add(project.id);
    const paidHere = paidOn.get(project.id);
    const own = paidHere?.get(project.currency)?.paid ?? 0;
    const committed = committedOf(project, milestonesOf.get(project.id) ?? [], own);
    const key = project.contractorKey ?? null;
    const base = {
      projectId: project.id,
      title: project.title,
      status: project.status,
      contractorKey: key,
      contractorName: key ? (nameOf(key) ?? key) : null,
    };
    byProject.push({ ...base, currency: project.currency, ...figures(committed, own) });
    // Payments in another currency than the project's: their own row, nothing committed.
    for (const [currency, cell] of paidHere ?? []) {
      if (currency !== project.currency) byProject.push({ ...base, currency, ...figures(0, cell.paid) });
    }
  }
  // Payments whose project is gone (kept by an import, say): still money spent.
  for (const [projectId, perCurrency] of paidOn) {
    if (projectIds.has(projectId)) continue;
    for (const [currency, cell] of perCurrency) {
      byProject.push({
        projectId,
        title: DELETED_PROJECT,
        status: null,
        contractorKey: null,
        contractorName: null,
        currency,
        ...figures(0, cell.paid),
      });
    }
  }
  byProject.sort(byCodeThen((a, b) => b.paid - a.paid || b.committed - a.committed || a.title.localeCompare(b.title)));

  const contractorCells = new Map<string, ContractorSpend & { ids: Set<string> }>();
  for (const row of byProject) {
    const id = `${row.contractorKey ?? ''}\u0000${row.currency}`;
    const cell =
      contractorCells.get(id) ??
      ({
        key: row.contractorKey,
        name: row.contractorName ?? NOBODY,
        currency: row.currency,
        committed: 0,
        paid: 0,
        remaining: 0,
        over: 0,
        projects: 0,
        ids: new Set<string>(),
      } as ContractorSpend & { ids: Set<string> });
    cell.committed += row.committed;
    cell.paid += row.paid;
    cell.remaining += row.remaining;
    cell.over += row.over;
    cell.ids.add(row.projectId);
    cell.projects = cell.ids.size;
    contractorCells.set(id, cell);
  }
  const byContractor = [...contractorCells.values()]
    .map(({ ids: _ids, ...rest }) => rest)
    .sort(byCodeThen((a, b) => b.paid - a.paid || a.name.localeCompare(b.name)));

  const currencies = [...new Set([...totalsPaid.keys(), ...byProject.map((r) => r.currency)])].sort();
  const totals: CurrencyTotals[] = currencies.map((currency) => {
    const rows = byProject.filter((r) => r.currency === currency);
    return {
      currency,
      committed: rows.reduce((s, r) => s + r.committed, 0),
      // Every payment in this currency, refunds included: equals the payments CSV.
      paid: totalsPaid.get(currency)?.paid ?? 0,
      remaining: rows.reduce((s, r) => s + r.remaining, 0),
      over: rows.reduce((s, r) => s + r.over, 0),
      payments: totalsPaid.get(currency)?.count ?? 0,
    };
  });

  const byMonth: MonthSpend[] = [];
  for (const currency of currencies) {
    const perMonth = months.get(currency);
    if (!perMonth || perMonth.size === 0) continue;
    const sorted = [...perMonth.keys()].sort();
    for (const month of monthsBetween(sorted[0]!, sorted[sorted.length - 1]!)) {
      const cell = perMonth.get(month);
      byMonth.push({ month, currency, paid: cell?.paid ?? 0, payments: cell?.count ?? 0 });
    }
  }
  return { currencies, totals, byMonth, byContractor, byProject };
}
