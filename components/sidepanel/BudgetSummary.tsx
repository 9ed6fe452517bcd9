/**
 * Budget, spent, remaining; payment schedule against payments made; forecast by payment model;
 * payments per currency (never converted).
 */
import { AlertTriangle } from 'lucide-preact';
import type { Payment, Project } from '../../lib/db/schema';
import { formatMoney, formatTotals, sumByCurrency } from '../../lib/domain/money';
import { describeSchedule, type Forecast, type ProjectHealth } from '../../lib/domain/project-health';
import { PAYMENT_MODEL_LABELS } from '../projects/labels';

export interface BudgetSummaryProps {
  project: Project;
  health: ProjectHealth;
  payments: readonly Payment[];
  locale?: string;
}

export function BudgetSummary({ project, health, payments, locale }: BudgetSummaryProps) {
  const cur = project.currency;
  const money = (minor: number) => formatMoney(minor, cur, locale, { trimZeroFraction: true });
  const schedule = describeSchedule(health.schedule, cur, locale, health.today);
  const perCurrency = sumByCurrency(payments);
  const currencies = Object.keys(perCurrency);
  // A finished project that used its whole budget, not more, ended well: no amber warning.
  const finishedOnBudget = project.status === 'completed' && !health.overBudget;
  const barClass = health.overBudget ? ' v-progress--danger' : health.nearBudget && !finishedOnBudget ? ' v-progress--warn' : '';
  const otherTotals = formatTotals(health.otherCurrencies, locale, { trimZeroFraction: true });

  return (
    <section class="sp-summary v-card" data-testid="budget-summary" aria-label="Budget summary">
      <div class="sp-figures">
        <div>
          <span class="v-label">Budget</span>
          <strong class="v-num">{health.budgetMinor === null ? '—' : money(health.budgetMinor)}</strong>
        </div>
        <div>
          <span class="v-label">Spent</span>
          <strong class="v-num">{money(health.spentMinor)}</strong>
        </div>
        <div>
          <span class="v-label">Remaining</span>
          <strong class={`v-num${health.remainingMinor !== null && health.remainingMinor < 0 ? ' sp-neg' : ''}`}>
            {health.remainingMinor === null ? '—' : money(health.remainingMinor)}
          </strong>
        </div>
      </div>
      {health.budgetBarPercent !== null ? (
        <div class="sp-meter">
          <div
            class={`v-progress${barClass}`}
            role="progressbar"
            aria-label="Budget used"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={health.budgetBarPercent}
          >
            <span style={{ width: `${health.budgetBarPercent}%` }} />
          </div>
          <span class="v-small v-muted">
            {health.budgetUsedPercent}% of the budget used
            {health.overBudget && (
              <span class="v-pill v-pill--danger sp-inline-pill">
                <AlertTriangle size={12} aria-hidden="true" /> Over budget
              </span>
            )}
          </span>
        </div>
      ) : (
        <p class="v-small v-muted">No budget set yet. Set one with “Edit project” above to see how much is left.</p>
      )}
      {otherTotals && (
        <p class="v-small v-alert v-alert--info">
          Also paid {otherTotals}: other currencies are kept apart and not counted in the budget (no conversion).
        </p>
      )}
      <dl class="sp-facts">
        <dt>Payment model</dt>
        <dd>{PAYMENT_MODEL_LABELS[project.paymentModel]}</dd>
        {schedule && (
          <>
            <dt>Schedule</dt>
            <dd>
              {schedule}
              {health.schedule.overdueCount > 0 && (
                <span class="v-pill v-pill--danger sp-inline-pill">{health.schedule.overdueCount} late</span>
              )}
            </dd>
          </>
        )}
        <dt>Forecast</dt>
        <dd>{describeForecast(health.forecast, cur, locale)}</dd>
        {currencies.length > 0 && (
          <>
            <dt>Paid per currency</dt>
            <dd class="v-num">{formatTotals(perCurrency, locale, { separator: ' · ', trimZeroFraction: true })}</dd>
          </>
        )}
      </dl>
      {health.forecast.exceedsBudget && health.forecast.totalMinor !== null && health.budgetMinor !== null && (
        <p class="v-alert v-alert--warn" role="status">
          <AlertTriangle size={16} aria-hidden="true" />
          The forecast ({money(health.forecast.totalMinor)}) is above the budget ({money(health.budgetMinor)}).
        </p>
      )}
    </section>
  );
}

/** One sentence per model from the forecast figures. */
export function describeForecast(f: Forecast, currency: string, locale?: string): string {
  const m = (minor: number) => formatMoney(minor, currency, locale, { trimZeroFraction: true });
  const num = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  switch (f.model) {
    case 'fixed':
      return f.totalMinor === null ? 'Set a budget to see the fixed price.' : `Fixed price ${m(f.totalMinor)}.`;
    case 'hourly': {
      const h = f.hourly;
      if (!h || h.rateMinor === null) return 'Add the hourly rate to see a forecast.';
      const parts: string[] = [];
      if (h.estimatedHours !== null && f.totalMinor !== null)
        parts.push(`${num(h.estimatedHours)} h × ${m(h.rateMinor)} = ${m(f.totalMinor)} expected`);
      else parts.push(`${m(h.rateMinor)} per hour; add the hours expected for a total`);
      if (h.hoursLogged !== null && f.toDateMinor !== null) parts.push(`${num(h.hoursLogged)} h logged = ${m(f.toDateMinor)} so far`);
      return `${parts.join('; ')}.`;
    }
    case 'retainer': {
      const r = f.retainer;
      if (!r || r.amountMinor === null) return 'Add the retainer amount to see a forecast.';
      const unit = r.period === 'week' ? 'week' : 'month';
      const plural = (n: number) => `${num(n)} ${unit}${n === 1 ? '' : 's'}`;
      const parts = [`${m(r.amountMinor)} per ${unit}`];
      if (r.periodsToDate !== null && f.toDateMinor !== null) parts.push(`${plural(r.periodsToDate)} so far = ${m(f.toDateMinor)}`);
      if (r.periodsToDeadline !== null && f.totalMinor !== null)
        parts.push(`${plural(r.periodsToDeadline)} to the deadline = ${m(f.totalMinor)}`);
      else if (r.periodsToDate !== null) parts.push('ongoing: set a deadline for a total');
      else parts.push('set a start date (and a deadline) for a total');
      return `${parts.join('; ')}.`;
    }
    case 'milestones': {
      const ms = f.milestones;
      if (!ms || ms.count === 0) return 'Add milestones with amounts to see a forecast.';
      const open = ms.openCount === 0 ? 'all paid' : `${ms.openCount} open = ${m(ms.openMinor)} still to pay`;
      return `${m(f.totalMinor ?? 0)} across ${ms.count} milestone${ms.count === 1 ? '' : 's'}; ${open}.`;
    }
  }
}
