import { variableNameSchema } from '@parley/shared';
import { z } from 'zod';
import { defineNode, type ExpressionRef } from '../core/define-node.ts';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const httpRequestConfigSchema = z.object({
  method: z.enum(httpMethods).default('GET'),
  /**
   * A template: `https://api.example.com/orders/{{orderId}}`. Values placed in the path or query are
   * URL-encoded; a placeholder at the start (`{{apiBase}}/orders`) is inserted as it is.
   */
  url: z.string().min(1).meta({ widget: 'template' }),
  headers: z
    .array(z.object({ name: z.string().min(1), value: z.string().meta({ widget: 'template' }) }))
    .default(() => []),
  /**
   * A template, sent with every method but GET. Unless a Content-Type header says otherwise it is JSON
   * (and sent as such): values land JSON-escaped inside strings and as JSON values outside them.
   */
  body: z.string().optional().meta({ widget: 'json-template' }),
  timeoutMs: z.number().int().min(100).max(60_000).optional(),
  /**
   * Each expression reads `response` ({status, headers, body}; body parsed when the server says JSON) and
   * is stored in the variable, in order. Also applied when the server answers non-2xx, so its error
   * details can be kept; a failing expression stores null.
   */
  responseMapping: z
    .array(
      z.object({
        variable: variableNameSchema.meta({ widget: 'variable' }),
        expression: z.string().min(1).meta({ widget: 'expression' }),
      }),
    )
    .default(() => []),
  /** Stores a readable reason when the request fails, and null when it succeeds. */
  errorVariable: variableNameSchema.optional().meta({ widget: 'variable' }),
});

export type HttpRequestConfig = z.infer<typeof httpRequestConfigSchema>;

export const httpRequestNode = defineNode({
  kind: 'http-request',
  version: 1,
  configSchema: httpRequestConfigSchema,
  defaults: { method: 'GET', url: 'https://api.example.com/' } as const satisfies z.input<
    typeof httpRequestConfigSchema
  >,
  ports: () => [
    { name: 'success', label: 'Success (2xx)', required: true },
    { name: 'error', label: 'Error', required: true },
  ],
  waitsForInput: false,
  expressions: (config) => [
    { path: 'url', source: config.url, kind: 'template' },
    ...config.headers.map(
      (h, i): ExpressionRef => ({ path: `headers.${i}.value`, source: h.value, kind: 'template' }),
    ),
    ...(config.body ? [{ path: 'body', source: config.body, kind: 'template' as const }] : []),
    ...config.responseMapping.map(
      (m, i): ExpressionRef => ({
        path: `responseMapping.${i}.expression`,
        source: m.expression,
        kind: 'expression',
        extraNames: ['response'],
      }),
    ),
  ],
  writes: (config) => [
    ...config.responseMapping.map((m) => m.variable),
    ...(config.errorVariable ? [config.errorVariable] : []),
  ],
  meta: {
    label: 'HTTP request',
    icon: 'globe',
    category: 'integration',
    description: 'Calls an HTTP API and maps the response into variables; success or error port.',
  },
});
