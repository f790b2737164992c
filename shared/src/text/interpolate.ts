import { type ExpressionScope, evaluateExpression } from '../expression/expression.ts';

const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;

/** The expressions inside `{{ ... }}` placeholders of a template, in order. */
export function templateExpressions(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => (match[1] ?? '').trim());
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Replaces each `{{ expression }}` with its value. A placeholder that fails renders empty rather
 * than breaking the conversation; validation reports such expressions before publish.
 */
export function interpolate(template: string, scope: ExpressionScope): string {
  if (!template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (_whole, source: string) => {
    try {
      return display(evaluateExpression(source.trim(), scope));
    } catch {
      return '';
    }
  });
}
