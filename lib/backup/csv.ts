/**
 * CSV exports for spreadsheets: contractors, projects, payments. Pure: records in, text out.
 *
 * - UTF-8 byte-order mark, so Excel reads accents and emoji as UTF-8.
 * - CRLF line ends and RFC 4180 quoting (papaparse): commas, quotes and line breaks stay in their cell.
 * - Dates in ISO: calendar days as YYYY-MM-DD, instants as UTC date-times.
 * - Money as a plain decimal amount ("1250.50", dot, no grouping) plus a currency column, so the
 *   cell is a number in any locale's spreadsheet and no conversion is implied.
 * - Text cells starting with = + - @ (or a tab / carriage return) get a leading apostrophe:
 *   otherwise a spreadsheet runs them as formulas (CSV injection). Numbers we write are left alone.
 */
import Papa from 'papaparse';
import { decimalAmount } from '../domain/money';
import type { Check, ChecklistItem, Contractor, ContractorList, Milestone, Payment, Project, Rating } from '../db/schema';
import { reputation } from '../domain/reputation';
import { vettingProgress } from '../domain/vetting';

const BOM = '\uFEFF';

/** A value we computed (amounts, counts): never neutralised, or "-50.00" would stop being a number. */
class NumberCell {
  constructor(readonly text: string) {}
}
type Cell = string | NumberCell | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A formula lead right after a separator or line break inside the cell: a reader splitting on the
 * *other* separator (`;` for a `,` file, as Excel does in many locales) starts a cell there, outside
 * the quotes, so it is neutralised too (issue 12). Also after quotes right there (`;"=1`: written
 * `;""=1`, that reader takes `""` as an empty quoted part and the rest as it is), and before each
 * lead of a run (`\r\r=1`: a CR is both a line break and a lead, so nothing may consume it).
 */
const INNER_FORMULA = /([,;\r\n]"*)(?=[=+\-@\t\r])/g;

export function neutralise(text: string): string {
  const inner = text.replace(INNER_FORMULA, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof NumberCell) return cell.text;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return neutralise(cell);
}

export function money(amountMinor: number | undefined, currency: string | undefined): NumberCell | undefined {
  return amountMinor === undefined || currency === undefined ? undefined : new NumberCell(decimalAmount(amountMinor, currency));
}

function num(value: number | undefined): NumberCell | undefined {
  return value === undefined ? undefined : new NumberCell(String(value));
}

function instant(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => row.map(cellText)) },
    // issue 12: a cell holding either separator (`,` or `;`, which Excel uses in many locales), a
    // quote or a line break is quoted, so a `;` reader can't split it into a cell that starts with `=`.
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && /[,;"\r\n\t]/.test(value), escapeFormulae: false },
  );
  return `${BOM}${body}\r\n`;
}

export function contractorsCsv(
  contractors: readonly Contractor[],
  // issue 16: your ratings, vetting progress, would-rehire and lists
  related: {
    ratings?: readonly Rating[];
    checks?: readonly Check[];
    checklist?: readonly ChecklistItem[];
    lists?: readonly ContractorList[];
  } = {},
): string {
  const columns = [
    'key',
    'site',
    'name',
    'status',
    'profile_url',
    'headline',
    'location',
    'rate',
    'rate_currency',
    'rate_unit',
    'marketplace_rating',
    'rating_out_of',
    'rating_count',
    'job_success_percent',
    'tags',
    'skills',
    'first_seen',
    'last_seen',
    'updated_at',
    'your_rating',
    'your_ratings_count',
    'would_rehire',
    'vetting_done',
    'vetting_failed',
    'vetting_total',
    'lists',
  ];
  const ratingsBy = new Map<string, Rating[]>();
  for (const r of related.ratings ?? []) ratingsBy.set(r.contractorKey, [...(ratingsBy.get(r.contractorKey) ?? []), r]);
  const checksBy = new Map<string, Check[]>();
  for (const c of related.checks ?? []) checksBy.set(c.contractorKey, [...(checksBy.get(c.contractorKey) ?? []), c]);
  const listsBy = new Map<string, string[]>();
  for (const l of related.lists ?? []) for (const k of l.keys) listsBy.set(k, [...(listsBy.get(k) ?? []), l.name]);
  const rows = contractors.map((c) => {
    const rep = reputation(ratingsBy.get(c.key) ?? []);
    const progress = related.checklist ? vettingProgress(related.checklist, checksBy.get(c.key) ?? []) : undefined;
    return [
      c.key,
      c.site,
      c.name,
      c.status,
      c.profileUrl,
      c.headline,
      c.location,
      money(c.rate?.amountMinor, c.rate?.currency),
      c.rate?.currency,
      c.rate?.unit,
      num(c.marketplaceRating?.score),
      num(c.marketplaceRating?.outOf),
      num(c.marketplaceRating?.count),
      num(c.jobSuccess),
      c.tags.join('; '),
      c.skills?.join('; '),
      instant(c.firstSeenAt),
      instant(c.lastSeenAt),
      instant(c.updatedAt),
      rep.overall === null ? undefined : new NumberCell((Math.round(rep.overall * 10) / 10).toFixed(1)),
      num(rep.count),
      rep.lastWouldRehire ?? undefined,
      num(progress?.done),
      num(progress?.failed),
      num(progress?.total),
      listsBy.get(c.key)?.join('; '),
    ];
  });
  return toCsv(columns, rows);
}

export function projectsCsv(
  projects: readonly Project[],
  // issue 16: your rating of the project and would-rehire
  related: { contractors?: readonly Contractor[]; payments?: readonly Payment[]; ratings?: readonly Rating[] } = {},
): string {
  const names = new Map((related.contractors ?? []).map((c) => [c.key, c.name]));
  const ratingsBy = new Map<string, Rating[]>();
  for (const r of related.ratings ?? []) if (r.projectId) ratingsBy.set(r.projectId, [...(ratingsBy.get(r.projectId) ?? []), r]);
  const columns = [
    'id',
    'title',
    'contractor_key',
    'contractor_name',
    'status',
    'payment_model',
    'currency',
    'budget',
    'rate',
    'retainer_period',
    'paid',
    'estimated_hours',
    'hours_logged',
    'start_date',
    'deadline',
    'contract_signed',
    'check_in_days',
    'last_contact',
    'completed_at',
    'created_at',
    'updated_at',
    'your_rating',
    'would_rehire',
  ];
  const rows = projects.map((p) => {
    const rep = reputation(ratingsBy.get(p.id) ?? []);
    // Only payments in the project's currency add up; others are listed in the payments export.
    const paid = (related.payments ?? [])
      .filter((pay) => pay.projectId === p.id && pay.currency === p.currency)
      .reduce((sum, pay) => sum + pay.amountMinor, 0);
    return [
      p.id,
      p.title,
      p.contractorKey,
      p.contractorKey ? names.get(p.contractorKey) : undefined,
      p.status,
      p.paymentModel,
      p.currency,
      money(p.budgetMinor, p.currency),
      money(p.rateMinor, p.currency),
      p.retainerPeriod,
      money(paid, p.currency),
      num(p.estimatedHours),
      num(p.hoursLogged),
      p.startDate,
      p.deadline,
      p.contract.signedAt,
      num(p.checkInDays),
      instant(p.lastContactAt),
      instant(p.completedAt),
      instant(p.createdAt),
      instant(p.updatedAt),
      rep.overall === null ? undefined : new NumberCell((Math.round(rep.overall * 10) / 10).toFixed(1)),
      rep.lastWouldRehire ?? undefined,
    ];
  });
  return toCsv(columns, rows);
}

export function paymentsCsv(
  payments: readonly Payment[],
  related: { projects?: readonly Project[]; milestones?: readonly Milestone[] } = {},
): string {
  const titles = new Map((related.projects ?? []).map((p) => [p.id, p.title]));
  const milestones = new Map((related.milestones ?? []).map((m) => [m.id, m.title]));
  const columns = ['id', 'paid_on', 'project_id', 'project_title', 'milestone', 'amount', 'currency', 'note', 'created_at'];
  const sorted = [...payments].sort((a, b) => a.paidAt.localeCompare(b.paidAt) || a.id.localeCompare(b.id));
  const rows = sorted.map((p) => [
    p.id,
    p.paidAt,
    p.projectId,
    titles.get(p.projectId),
    p.milestoneId ? (milestones.get(p.milestoneId) ?? p.milestoneId) : undefined,
    money(p.amountMinor, p.currency),
    p.currency,
    p.note,
    instant(p.createdAt),
  ]);
  return toCsv(columns, rows);
}
