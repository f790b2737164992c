import { evaluationEnvironment, sharedCheckingEnvironment } from './cel-environment.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Names and values an expression can read: flow variables plus built-ins such as `channel`. */
export type ExpressionScope = Record<string, unknown>;

export type ExpressionProblem = {
  kind: 'parse' | 'undeclared' | 'type';
  /** The first line of the evaluator's message, e.g. `Unknown variable: orderId`. */
  message: string;
  /** For `undeclared`: the unknown name. */
  name?: string;
};

export class ExpressionError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`Expression \`${source}\` failed: ${message}`);
    this.name = 'ExpressionError';
  }
}

type Evaluator = (scope: ExpressionScope) => unknown;
const compiled = new Map<string, Evaluator>();

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** Checks syntax and names without evaluating; `names` are the identifiers the expression may read. */
export function checkExpression(source: string, names: Iterable<string>): ExpressionProblem | null {
  if (source.trim() === '') return { kind: 'parse', message: 'the expression is empty' };
  let result: ReturnType<ReturnType<typeof sharedCheckingEnvironment>['check']>;
  try {
    result = sharedCheckingEnvironment(names).check(source);
  } catch (error) {
    return { kind: 'parse', message: firstLine(String((error as Error).message)) };
  }
  if (result.valid) return null;
  const message = firstLine(result.error?.message ?? 'invalid expression');
  const unknown = /^Unknown variable: (\S+)/.exec(message);
  if (unknown?.[1]) return { kind: 'undeclared', message, name: unknown[1] };
  if (result.error?.name === 'ParseError') return { kind: 'parse', message };
  return { kind: 'type', message };
}

function compile(source: string): Evaluator {
  let evaluator = compiled.get(source);
  if (!evaluator) {
    try {
      evaluator = evaluationEnvironment.parse(source) as Evaluator;
    } catch (error) {
      throw new ExpressionError(source, firstLine(String((error as Error).message)));
    }
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(source, evaluator);
  }
  return evaluator;
}

/** CEL ints arrive as bigint; flow variables are JSON, so they leave as numbers. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Map) {
    return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toJsonValue(v)]));
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  }
  return String(value);
}

/** Evaluates a CEL expression against the scope; throws ExpressionError with a readable reason. */
export function evaluateExpression(source: string, scope: ExpressionScope): JsonValue {
  const evaluator = compile(source);
  try {
    return toJsonValue(evaluator(scope));
  } catch (error) {
    throw new ExpressionError(source, firstLine(String((error as Error).message)));
  }
}

/** Conditions must produce a boolean: anything else is an author's mistake worth naming. */
export function evaluateCondition(source: string, scope: ExpressionScope): boolean {
  const value = evaluateExpression(source, scope);
  if (typeof value !== 'boolean') {
    throw new ExpressionError(source, `a condition must be true or false, got ${JSON.stringify(value)}`);
  }
  return value;
}
