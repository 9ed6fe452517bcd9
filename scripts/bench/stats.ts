/** Small statistics and formatting helpers for the benchmark report. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function repeat<T>(runs: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

export interface Figure {
  /** Group shown in the table, e.g. "page cost". */
  group: string;
  name: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB' | 'count';
  /** Goal: value must be ≤ goal (undefined: informational). */
  goal?: number;
  /** All samples the median came from. */
  samples?: number[];
  note?: string;
}

export function fmt(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 'count' ? 0 : value < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    fmt(f.value, f.unit),
    f.goal === undefined ? '—' : `≤ ${fmt(f.goal, f.unit)}`,
    f.goal === undefined ? '' : f.value <= f.goal ? 'ok' : 'MISSED',
  ]);
  const head = ['group', 'figure', 'median', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
