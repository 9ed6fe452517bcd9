/**
 * Spend reports (reports.html, issue 16): totals per currency, spend per month, per contractor and
 * per project, committed against paid against remaining. Figures come from lib/domain/spend.ts
 * (computed in the background); nothing is converted between currencies.
 */
import { useState } from 'preact/hooks';
import { Download, Users } from 'lucide-preact';
import { reportCsv, type ReportKind } from '../../lib/backup/report-csv';
import { backupFilename } from '../../lib/backup/file-names';
import { formatMoney } from '../../lib/domain/money';
import type { CurrencyTotals, SpendReport } from '../../lib/domain/spend';
import { downloadText } from '../backup-reminder/download';
import { ErrorText } from '../shared/ErrorText';
import { useRequest } from '../use-request';
import { PROJECT_STATUS_LABELS } from './labels';
import { MonthChart, monthLabel } from './MonthChart';
import '../board/board.css';
import './reports.css';

export interface ReportsAppProps {
  locale?: string;
  /** Tests pass a clock for the CSV file names. */
  now?: () => number;
}

export function ReportsApp({ locale, now = () => Date.now() }: ReportsAppProps) {
  const report = useRequest(
    'getSpendReport',
    {},
    {
      refreshOn: (e) => e.tables.some((t) => ['projects', 'payments', 'milestones', 'contractors'].includes(t)),
    },
  );
  const data = report.data;
  const download = (kind: ReportKind) => {
    if (!data) return;
    downloadText(reportCsv(data, kind), backupFilename(now(), 'csv', `vetted-spend-${kind}`), 'text/csv');
  };
  return (
    <main class="bd-page rp-page">
      <header class="bd-header">
        <div>
          <h1 class="bd-h1">Spend reports</h1>
          <p class="v-small v-muted">What you committed, paid and still owe, per currency. Amounts are never converted.</p>
        </div>
        <nav class="bd-nav" aria-label="Vetted pages">
          <a class="v-btn v-btn--ghost" href="/board.html">
            <Users size={16} aria-hidden="true" /> Contractors
          </a>
        </nav>
      </header>
      <ErrorText message={report.error ? `The reports could not be loaded: ${report.error}` : undefined} />
      {!data && report.loading && <p class="v-muted">Loading…</p>}
      {data && data.currencies.length === 0 && (
        <div class="v-empty bd-empty">
          <p>No projects or payments yet. Start a project with a contractor and log payments in the side panel: they add up here.</p>
        </div>
      )}
      {data && data.currencies.length > 0 && <Reports data={data} locale={locale} download={download} />}
    </main>
  );
}

function Reports({ data, locale, download }: { data: SpendReport; locale?: string; download: (kind: ReportKind) => void }) {
  // The chart starts on the currency paid most often; the others are one choice away.
  const busiest = [...data.totals].sort((a, b) => b.payments - a.payments)[0]?.currency ?? data.currencies[0]!;
  const [currency, setCurrency] = useState(busiest);
  const shown = data.currencies.includes(currency) ? currency : data.currencies[0]!;
  const money = (minor: number, code: string) => formatMoney(minor, code, locale);
  const months = data.byMonth.filter((m) => m.currency === shown);

  return (
    <>
      <section aria-labelledby="rp-totals-title" class="rp-section">
        <div class="rp-section__head">
          <h2 id="rp-totals-title" class="rp-h2">
            Totals
          </h2>
          <CsvButton label="Totals" onClick={() => download('totals')} />
        </div>
        <div class="rp-totals">
          {data.totals.map((t) => (
            <TotalCard key={t.currency} totals={t} money={money} />
          ))}
        </div>
      </section>

      <section aria-labelledby="rp-months-title" class="rp-section">
        <div class="rp-section__head">
          <h2 id="rp-months-title" class="rp-h2">
            Spend per month
          </h2>
          <CsvButton label="Spend per month" onClick={() => download('months')} />
        </div>
        {data.currencies.length > 1 && (
          <div class="bd-field rp-currency">
            <label class="v-label" for="rp-currency">
              Currency
            </label>
            <select id="rp-currency" class="v-select" value={shown} onChange={(e) => setCurrency((e.target as HTMLSelectElement).value)}>
              {data.currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="v-card rp-card">
          <MonthChart months={months} currency={shown} locale={locale} />
          <table class="rp-table" aria-labelledby="rp-months-title">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Currency</th>
                <th scope="col" class="bd-num">
                  Paid
                </th>
                <th scope="col" class="bd-num">
                  Payments
                </th>
              </tr>
            </thead>
            <tbody>
              {[...months].reverse().map((m) => (
                <tr key={`${m.currency}-${m.month}`} data-testid="report-month" data-month={m.month} data-currency={m.currency}>
                  <td>{monthLabel(m.month, locale)}</td>
                  <td>{m.currency}</td>
                  <td class={`bd-num${m.paid < 0 ? ' rp-negative' : ''}`}>{money(m.paid, m.currency)}</td>
                  <td class="bd-num">{m.payments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="rp-people-title" class="rp-section">
        <div class="rp-section__head">
          <h2 id="rp-people-title" class="rp-h2">
            Per contractor
          </h2>
          <CsvButton label="Per contractor" onClick={() => download('contractors')} />
        </div>
        <div class="v-card rp-card">
          <table class="rp-table" aria-labelledby="rp-people-title">
            <thead>
              <tr>
                <th scope="col">Contractor</th>
                <th scope="col">Currency</th>
                <th scope="col" class="bd-num">
                  Committed
                </th>
                <th scope="col" class="bd-num">
                  Paid
                </th>
                <th scope="col" class="bd-num">
                  Remaining
                </th>
                <th scope="col" class="bd-num">
                  Projects
                </th>
              </tr>
            </thead>
            <tbody>
              {data.byContractor.map((c) => (
                <tr key={`${c.key ?? ''}-${c.currency}`} data-testid="report-contractor" data-key={c.key ?? ''} data-currency={c.currency}>
                  <td class="v-user-text">{c.name}</td>
                  <td>{c.currency}</td>
                  <td class="bd-num">{money(c.committed, c.currency)}</td>
                  <td class="bd-num">{money(c.paid, c.currency)}</td>
                  <td class="bd-num">
                    {money(c.remaining, c.currency)}
                    {c.over > 0 && <span class="rp-over"> ({money(c.over, c.currency)} over)</span>}
                  </td>
                  <td class="bd-num">{c.projects}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="rp-projects-title" class="rp-section">
        <div class="rp-section__head">
          <h2 id="rp-projects-title" class="rp-h2">
            Per project
          </h2>
          <CsvButton label="Per project" onClick={() => download('projects')} />
        </div>
        <div class="v-card rp-card">
          <table class="rp-table" aria-labelledby="rp-projects-title">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Contractor</th>
                <th scope="col">Status</th>
                <th scope="col" class="bd-num">
                  Committed
                </th>
                <th scope="col" class="bd-num">
                  Paid
                </th>
                <th scope="col" class="bd-num">
                  Remaining
                </th>
                <th scope="col">
                  <span class="v-sr-only">Paid against committed</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.byProject.map((p) => (
                <tr
                  key={`${p.projectId}-${p.currency}`}
                  data-testid="report-project"
                  data-project-id={p.projectId}
                  data-currency={p.currency}
                >
                  <td class="v-user-text">{p.title}</td>
                  <td class="v-user-text">{p.contractorName ?? '—'}</td>
                  <td>{p.status ? PROJECT_STATUS_LABELS[p.status] : '—'}</td>
                  <td class="bd-num">{money(p.committed, p.currency)}</td>
                  <td class="bd-num">{money(p.paid, p.currency)}</td>
                  <td class="bd-num">
                    {money(p.remaining, p.currency)}
                    {p.over > 0 && <span class="rp-over"> ({money(p.over, p.currency)} over)</span>}
                  </td>
                  <td>
                    <UseBar paid={p.paid} committed={p.committed} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function TotalCard({ totals, money }: { totals: CurrencyTotals; money: (minor: number, code: string) => string }) {
  const { currency } = totals;
  return (
    <div class="v-card rp-total">
      <p class="rp-total__currency">{currency}</p>
      <dl class="rp-total__figures">
        <div>
          <dt>Paid</dt>
          <dd class="rp-total__paid" data-testid="report-total-paid" data-currency={currency}>
            {money(totals.paid, currency)}
          </dd>
        </div>
        <div>
          <dt>Committed</dt>
          <dd>{money(totals.committed, currency)}</dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd>{money(totals.remaining, currency)}</dd>
        </div>
      </dl>
      <UseBar paid={totals.paid} committed={totals.committed} />
      <p class="v-xs v-muted">
        {totals.payments === 1 ? '1 payment' : `${totals.payments} payments`}
        {totals.over > 0 ? ` · ${money(totals.over, currency)} paid over budget` : ''}
      </p>
    </div>
  );
}

/** Paid against committed as a bar; the figures next to it say the same in words. */
function UseBar({ paid, committed }: { paid: number; committed: number }) {
  if (committed <= 0) return null;
  const share = Math.max(0, Math.min(1, paid / committed));
  return (
    <span class={`v-progress rp-bar${paid > committed ? ' v-progress--danger' : ''}`} aria-hidden="true">
      <span style={{ width: `${Math.round(share * 100)}%` }} />
    </span>
  );
}

function CsvButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="v-btn v-btn--sm" onClick={onClick} aria-label={`Download ${label} as CSV`}>
      <Download size={14} aria-hidden="true" /> CSV
    </button>
  );
}
