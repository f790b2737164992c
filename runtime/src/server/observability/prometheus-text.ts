/*
 * The Prometheus text exposition format (version 0.0.4), written by hand: counters, gauges and a
 * histogram with fixed buckets are all Parley needs, and prom-client is not worth a dependency for it.
 * https://prometheus.io/docs/instrumenting/exposition_formats/
 */

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Record<string, string>;

const escapeLabel = (value: string) =>
  value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
const escapeHelp = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

const header = (name: string, help: string, type: string) =>
  `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;

/** A value that only goes up, one series per label set. */
export class Counter {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = JSON.stringify(labels);
    const entry = this.series.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.series.set(key, entry);
  }

  render(): string {
    let text = header(this.name, this.help, 'counter');
    for (const { labels, value } of this.series.values())
      text += `${this.name}${formatLabels(labels)} ${formatNumber(value)}\n`;
    return text;
  }
}

/** A value read when metrics are scraped. */
export function renderGauge(name: string, help: string, value: number): string {
  return `${header(name, help, 'gauge')}${name} ${formatNumber(value)}\n`;
}

/** Observations counted into fixed, cumulative buckets (upper bounds, `le`), with their sum and count. */
export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (const [index, bound] of this.buckets.entries()) {
      if (value <= bound) this.counts[index] = (this.counts[index] ?? 0) + 1;
    }
  }

  render(): string {
    let text = header(this.name, this.help, 'histogram');
    for (const [index, bound] of this.buckets.entries())
      text += `${this.name}_bucket${formatLabels({ le: formatNumber(bound) })} ${this.counts[index] ?? 0}\n`;
    text += `${this.name}_bucket{le="+Inf"} ${this.count}\n`;
    text += `${this.name}_sum ${formatNumber(this.sum)}\n`;
    text += `${this.name}_count ${this.count}\n`;
    return text;
  }
}
