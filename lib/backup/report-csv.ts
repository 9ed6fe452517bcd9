/** CSV of each spend report (issue 16). Pure: report figures in, text out; same rules as ./csv.ts. */
import type { SpendReport } from '../domain/spend';
import { money, toCsv } from './csv';

export const REPORT_KINDS = ['months', 'contractors', 'projects', 'totals'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function reportCsv(report: SpendReport, kind: ReportKind): string {
  switch (kind) {
    case 'months':
      return toCsv(
        ['month', 'currency', 'paid', 'payments'],
        report.byMonth.map((m) => [m.month, m.currency, money(m.paid, m.currency), m.payments]),
      );
    case 'contractors':
      return toCsv(
        ['contractor_key', 'contractor_name', 'currency', 'committed', 'paid', 'remaining', 'over_budget', 'projects'],
        report.byContractor.map((c) => [
          c.key ?? '',
          c.name,
          c.currency,
          money(c.committed, c.currency),
          money(c.paid, c.currency),
          money(c.remaining, c.currency),
          money(c.over, c.currency),
          c.projects,
        ]),
      );
    case 'projects':
      return toCsv(
        ['project_id', 'project_title', 'status', 'contractor_name', 'currency', 'committed', 'paid', 'remaining', 'over_budget'],
        report.byProject.map((p) => [
          p.projectId,
          p.title,
          p.status ?? '',
          p.contractorName ?? '',
          p.currency,
          money(p.committed, p.currency),
          money(p.paid, p.currency),
          money(p.remaining, p.currency),
          money(p.over, p.currency),
        ]),
      );
    case 'totals':
      return toCsv(
        ['currency', 'committed', 'paid', 'remaining', 'over_budget', 'payments'],
        report.totals.map((t) => [
          t.currency,
          money(t.committed, t.currency),
          money(t.paid, t.currency),
          money(t.remaining, t.currency),
          money(t.over, t.currency),
          t.payments,
        ]),
      );
  }
}
