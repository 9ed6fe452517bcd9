/** The figures at the top of the popup: active projects, money committed and paid, items overdue. */
import type { DashboardTotals } from '../../lib/domain/dashboard';
import { formatTotals } from '../../lib/domain/money';

export function Totals({ totals, locale }: { totals: DashboardTotals; locale?: string }) {
  const committed = formatTotals(totals.committed, locale, { trimZeroFraction: true, separator: ' + ', empty: '—' });
  const paid = formatTotals(totals.paid, locale, { trimZeroFraction: true, separator: ' + ', empty: '—' });
  return (
    <section class="pp-totals" aria-label="Totals" data-testid="popup-totals">
      <div class="pp-stat">
        <strong class="v-num">{totals.activeProjects}</strong>
        <span>active</span>
      </div>
      <div class={`pp-stat${totals.overdueItems > 0 ? ' pp-stat--danger' : ''}`}>
        <strong class="v-num">{totals.overdueItems}</strong>
        <span>overdue</span>
      </div>
      <div class="pp-stat pp-stat--money">
        <span>
          Committed <strong class="v-num">{committed}</strong>
        </span>
        <span>
          Paid <strong class="v-num">{paid}</strong>
        </span>
      </div>
    </section>
  );
}
