import { labels } from './labels.ts';

/**
 * Reads node configs defensively: the card must render while an author is half-way through an edit,
 * so the data is never assumed to satisfy the kind's schema.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A localised text is one string or one per language; the card shows the first language's. */
export function firstText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (!isRecord(value)) return undefined;
  for (const text of Object.values(value)) {
    if (typeof text === 'string' && text !== '') return text;
  }
  return undefined;
}

function present(lines: (string | undefined)[]): string[] {
  return lines.filter((line): line is string => line !== undefined);
}

const essenceByKind: Record<string, (data: Record<string, unknown>) => string[]> = {
  start: () => [],
  message: (data) =>
    present(
      records(data.messages).map((part) =>
        part.type === 'media'
          ? labels.essence.media(str(part.mediaType) ?? 'file', str(part.url) ?? '')
          : firstText(part.text),
      ),
    ),
  choice: (data) => {
    const options = present(records(data.choices).map((c) => firstText(c.label) ?? str(c.value)));
    return present([
      firstText(data.prompt),
      options.length > 0 ? labels.essence.choices(options) : undefined,
    ]);
  },
  ask: (data) => {
    const variable = str(data.variable);
    return present([
      firstText(data.prompt),
      variable ? labels.essence.storesIn(variable, str(data.inputType) ?? 'text') : undefined,
    ]);
  },
  condition: (data) =>
    present(
      records(data.branches).map((b) => {
        const expression = str(b.expression);
        if (!expression) return undefined;
        const name = str(b.label) ?? str(b.port);
        return name ? `${name}: ${expression}` : expression;
      }),
    ),
  'set-variable': (data) =>
    present(
      records(data.assignments).map((a) =>
        str(a.variable) ? `${a.variable} = ${str(a.expression) ?? ''}` : undefined,
      ),
    ),
  'http-request': (data) => {
    const url = str(data.url);
    return url ? [`${str(data.method) ?? 'GET'} ${url}`] : [];
  },
  end: (data) => {
    const status = str(data.status) ?? 'resolved';
    return present([labels.essence.endStatus(status), firstText(data.message)]);
  },
};

/** The lines a node card shows under its header: what the node says or does, at a glance. */
export function essenceOf(kind: string, data: Record<string, unknown>): string[] {
  return essenceByKind[kind]?.(data) ?? [];
}
