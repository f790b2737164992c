import type { BenchResult } from './bench-result.ts';

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** A readable table: one row a figure, with its baseline and ratio where it has one. */
export function printTable(results: BenchResult[]): string {
  const header = ['bench', 'metric', 'value', 'unit', 'baseline', 'ratio'];
  const rows = results.map((r) => [
    r.bench,
    r.metric,
    formatNumber(r.value),
    r.unit,
    formatNumber(r.baseline),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One JSON object a line, for tools. */
export function printJsonLines(results: BenchResult[]): string {
  return results.map((r) => JSON.stringify(r)).join('\n');
}
