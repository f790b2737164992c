import { type AnyTRPCRouter, getTRPCErrorShape, TRPCError, type TRPCProcedureType } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

type IssuePathSegment = PropertyKey | { key: PropertyKey };
type SchemaIssue = { message: string; path?: readonly IssuePathSegment[] };

function isSchemaIssue(value: unknown): value is SchemaIssue {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'message') === 'string';
}

/** Issues of a failed zod or Standard Schema validation carried as an error's cause, if it is one. */
function schemaIssuesOf(cause: unknown): SchemaIssue[] | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const issues: unknown = Reflect.get(cause, 'issues');
  return Array.isArray(issues) && issues.length > 0 && issues.every(isSchemaIssue) ? issues : undefined;
}

function formatPath(path: readonly IssuePathSegment[] | undefined): string {
  let out = '';
  for (const segment of path ?? []) {
    const key = typeof segment === 'object' ? segment.key : segment;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** "text: Invalid input: expected string, received number; items[0].qty: Too small: expected number to be >0" */
function describeIssues(issues: readonly SchemaIssue[]): string {
  return issues
    .map((issue) => {
      const path = formatPath(issue.path);
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * What the client may see of an error. Input validation failures name each field instead of dumping the
 * validator's JSON; unexpected failures say nothing about the server's insides (the original stays in
 * `onError` for the logs).
 */
export function presentError(error: TRPCError): TRPCError {
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return new TRPCError({ code: error.code, message: 'Internal server error', cause: error });
  }
  const issues = error.code === 'BAD_REQUEST' ? schemaIssuesOf(error.cause) : undefined;
  if (issues) return new TRPCError({ code: error.code, message: describeIssues(issues), cause: error.cause });
  return error;
}

/** The router's error shape for `error`, as clients see it, never carrying a stack trace. */
export function errorShapeFor(
  router: AnyTRPCRouter,
  error: TRPCError,
  call: { type: TRPCProcedureType | 'unknown'; path: string | undefined; input: unknown; ctx: unknown },
): unknown {
  const shape: unknown = getTRPCErrorShape({
    config: router._def._config,
    error: presentError(error),
    ...call,
  });
  return withoutStack(shape);
}

function withoutStack(shape: unknown): unknown {
  if (typeof shape !== 'object' || shape === null) return shape;
  const data: unknown = Reflect.get(shape, 'data');
  if (typeof data !== 'object' || data === null || !('stack' in data)) return shape;
  const { stack: _stack, ...rest } = data;
  return { ...shape, data: rest };
}

/** The HTTP status of one error answer: the shape's `data.httpStatus` where a formatter set one. */
export function httpStatusOf(shape: unknown, error: TRPCError): number {
  const data: unknown = typeof shape === 'object' && shape !== null ? Reflect.get(shape, 'data') : undefined;
  const status: unknown =
    typeof data === 'object' && data !== null ? Reflect.get(data, 'httpStatus') : undefined;
  return typeof status === 'number' ? status : getHTTPStatusCodeFromError(error);
}
