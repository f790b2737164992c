/** Test support: a strict reader of the Prometheus text format, failing on anything malformed. */

export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Family = { name: string; type: string; help: string; samples: Sample[] };

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\n"])*)"(?:,|$)/;

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`not a number in "${line}"`);
  return value;
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const match = LABEL.exec(rest);
    if (!match?.[1] || match[2] === undefined) throw new Error(`malformed labels in "${line}"`);
    labels[match[1]] = match[2].replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    rest = rest.slice(match[0].length);
  }
  return labels;
}

/** The family a sample belongs to: histogram samples end in `_bucket`, `_sum` or `_count`. */
function familyOf(name: string, families: Map<string, Family>): Family | undefined {
  const direct = families.get(name);
  if (direct) return direct;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  const family = families.get(base);
  return family?.type === 'histogram' ? family : undefined;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const families = new Map<string, Family>();
  const helps = new Map<string, string>();
  for (const line of text.slice(0, -1).split('\n')) {
    const help = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line);
    if (help?.[1]) {
      helps.set(help[1], help[2] ?? '');
      continue;
    }
    const type = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line);
    if (type?.[1] && type[2]) {
      if (families.has(type[1])) throw new Error(`${type[1]} is declared twice`);
      families.set(type[1], { name: type[1], type: type[2], help: helps.get(type[1]) ?? '', samples: [] });
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample?.[1] || sample[3] === undefined) throw new Error(`malformed line "${line}"`);
    const family = familyOf(sample[1], families);
    if (!family) throw new Error(`${sample[1]} has no TYPE line before it`);
    family.samples.push({
      name: sample[1],
      labels: parseLabels(sample[2] ?? '', line),
      value: parseValue(sample[3], line),
    });
  }
  return families;
}
