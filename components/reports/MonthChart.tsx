/**
 * Spend per month as bars, one chart per currency (amounts in two currencies never share an axis).
 * uPlot draws on a canvas: no eval, no remote code, fine under the extension's CSP. The chart is
 * an image with a text summary; the table next to it carries the figures for screen readers.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatMoney, minorDigits, toMajor } from '../../lib/domain/money';
import type { MonthSpend } from '../../lib/domain/spend';

export function monthLabel(month: string, locale?: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function MonthChart({ months, currency, locale }: { months: MonthSpend[]; currency: string; locale?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const summary = months.length
    ? `Spend per month in ${currency}, ${monthLabel(months[0]!.month, locale)} to ${monthLabel(months[months.length - 1]!.month, locale)}. Highest: ${formatMoney(
        Math.max(...months.map((m) => m.paid)),
        currency,
        locale,
      )}.`
    : `No payments in ${currency}.`;

  useEffect(() => {
    const el = host.current;
    if (!el || months.length === 0 || typeof HTMLCanvasElement === 'undefined') return;
    // happy-dom (tests) has no 2D context: the table below carries the figures there.
    if (!document.createElement('canvas').getContext?.('2d')) return;
    const text = cssVar('--v-text-muted', '#5b6470');
    const grid = cssVar('--v-border', '#e3e6ea');
    const accent = cssVar('--v-accent', '#3b5bdb');
    const xs = months.map((_, i) => i);
    const ys = months.map((m) => toMajor(m.paid, currency));
    const width = () => Math.max(280, el.clientWidth || 600);
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        legend: { show: false },
        cursor: { show: true, points: { show: false }, drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: [-0.6, months.length - 0.4] },
          // Bars start at zero (a refund month below it): a cut axis would exaggerate differences.
          y: { range: (_u, min, max) => [Math.min(0, min) * 1.1, Math.max(0, max) * 1.1 || 1] },
        },
        axes: [
          {
            stroke: text,
            grid: { show: false },
            ticks: { stroke: grid },
            splits: () => xs,
            values: (_u, splits) => splits.map((i) => (months[i] ? monthLabel(months[i]!.month, locale) : '')),
          },
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            size: 70,
            values: (_u, splits) =>
              splits.map((v) => formatMoney(Math.round(v * 10 ** minorDigits(currency)), currency, locale, { trimZeroFraction: true })),
          },
        ],
        series: [
          {},
          {
            label: `Paid (${currency})`,
            fill: accent,
            stroke: accent,
            width: 0,
            paths: uPlot.paths.bars!({ size: [0.6, 48] }),
            points: { show: false },
          },
        ],
      },
      [xs, ys],
      el,
    );
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => plot.setSize({ width: width(), height: 220 })) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
  }, [months, currency, locale]);

  return <div class="rp-chart" ref={host} role="img" aria-label={summary} />;
}
