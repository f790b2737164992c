import { type ExpressionScope, evaluateExpression, interpolate, type JsonValue } from '@parley/shared';
import type { HttpRequestConfig } from './definition.ts';

/** The same `{{ expression }}` placeholders as shared `interpolate`. */
const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;

export type RenderedRequest = {
  method: HttpRequestConfig['method'];
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
};

/** A placeholder that fails renders as null, like `interpolate` renders it empty. */
function placeholderValue(source: string, scope: ExpressionScope): JsonValue {
  try {
    return evaluateExpression(source.trim(), scope);
  } catch {
    return null;
  }
}

function asText(value: JsonValue): string {
  if (value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Template text before `offset` without its placeholders: what the author typed literally. */
function literalBefore(template: string, offset: number): string {
  return template.slice(0, offset).replace(PLACEHOLDER, '');
}

/**
 * Values placed after the URL's authority (path, query, fragment) are percent-encoded, so an end user's
 * `../admin` or `&role=x` stays one path segment or one query value. Placeholders before it (a base URL,
 * a host) are inserted as they are.
 */
export function renderUrl(template: string, scope: ExpressionScope): string {
  return template.replace(PLACEHOLDER, (_whole, source: string, offset: number) => {
    const text = asText(placeholderValue(source, scope));
    const literal = literalBefore(template, offset);
    const schemeEnd = literal.indexOf('://');
    const afterAuthority = /[/?#]/.test(schemeEnd === -1 ? literal : literal.slice(schemeEnd + 3));
    return afterAuthority ? encodeURIComponent(text) : text;
  });
}

/** Whether `literal` (JSON text) ends inside a string literal. */
function endsInsideString(literal: string): boolean {
  let inside = false;
  for (let i = 0; i < literal.length; i++) {
    const char = literal[i];
    if (inside && char === '\\') i++;
    else if (char === '"') inside = !inside;
  }
  return inside;
}

/**
 * Renders a JSON body template so every value lands as valid JSON: `{"name": "{{name}}"}` escapes quotes
 * in the name, and `{"items": {{cart}}}` writes the list as JSON.
 */
export function renderJsonBody(template: string, scope: ExpressionScope): string {
  return template.replace(PLACEHOLDER, (_whole, source: string, offset: number) => {
    const value = placeholderValue(source, scope);
    if (!endsInsideString(literalBefore(template, offset))) return JSON.stringify(value);
    return JSON.stringify(asText(value)).slice(1, -1);
  });
}

const BODYLESS = new Set(['GET']);

/** The request as it will be sent, rendered with the conversation's variables at the moment it starts. */
export function renderRequest(
  config: Pick<HttpRequestConfig, 'method' | 'url' | 'headers' | 'body'>,
  scope: ExpressionScope,
): RenderedRequest {
  const headers: Record<string, string> = {};
  for (const header of config.headers) {
    headers[header.name.toLowerCase()] = interpolate(header.value, scope);
  }
  if (config.body === undefined || BODYLESS.has(config.method)) {
    return { method: config.method, url: renderUrl(config.url, scope), headers };
  }
  const contentType = headers['content-type'];
  const isJson = contentType === undefined || /[/+]json\b/i.test(contentType);
  if (contentType === undefined) headers['content-type'] = 'application/json';
  return {
    method: config.method,
    url: renderUrl(config.url, scope),
    headers,
    body: isJson ? renderJsonBody(config.body, scope) : interpolate(config.body, scope),
  };
}
