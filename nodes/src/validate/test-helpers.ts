import type { FlowDocumentInput } from '@parley/shared';
import { expect } from 'vitest';
import type { DiagnosticCode, FlowDiagnostic } from './diagnostic-codes.ts';

type NodeInput = FlowDocumentInput['nodes'][number];
type EdgeInput = NonNullable<FlowDocumentInput['edges']>[number];
type VariableInput = NonNullable<FlowDocumentInput['variables']>[number];

export function node(id: string, type: string, data: Record<string, unknown> = {}): NodeInput {
  return { id, type, data };
}

/** An edge whose id says where it goes, e.g. `ask1.next->done`, so failures read well. */
export function edge(source: string, target: string, sourcePort = 'next', id?: string): EdgeInput {
  return { id: id ?? `${source}.${sourcePort}->${target}`, source, sourcePort, target };
}

/** Edges through the `next` port of each node to the following one. */
export function chain(...ids: string[]): EdgeInput[] {
  return ids.slice(1).map((target, i) => edge(ids[i] as string, target));
}

export const start = (id = 'start') => node(id, 'start');
export const message = (id: string, text = 'Hello') =>
  node(id, 'message', { messages: [{ type: 'text', text }] });
export const end = (id = 'done') => node(id, 'end', { status: 'resolved' });
export const ask = (id: string, variable: string, prompt: string | Record<string, string> = 'What is it?') =>
  node(id, 'ask', { prompt, variable });
export const setVariable = (id: string, variable: string, expression: string) =>
  node(id, 'set-variable', { assignments: [{ variable, expression }] });
/** A condition with one branch `yes` besides `else`. */
export const condition = (id: string, expression: string) =>
  node(id, 'condition', { branches: [{ port: 'yes', expression }] });

export function flowOf(parts: {
  nodes: NodeInput[];
  edges?: EdgeInput[];
  variables?: (string | VariableInput)[];
}): FlowDocumentInput {
  return {
    id: 'test-flow',
    name: 'Test flow',
    nodes: parts.nodes,
    edges: parts.edges ?? [],
    variables: (parts.variables ?? []).map((v) => (typeof v === 'string' ? { name: v } : v)),
  };
}

/** start -> hello -> done: the smallest valid flow, for tests that add one problem to it. */
export function minimalFlow(): FlowDocumentInput {
  return flowOf({ nodes: [start(), message('hello'), end()], edges: chain('start', 'hello', 'done') });
}

/** A flow using every node kind, every variable and every required port: it must validate clean. */
export function cleanFlow(): FlowDocumentInput {
  return flowOf({
    nodes: [
      start(),
      message('greet', 'Hi! You are on {{ channel }} ({{ locale }}).'),
      ask('askName', 'name', { en: 'Your name, {{ channel }} user?', fr: 'Votre nom ?' }),
      node('menu', 'choice', {
        prompt: 'What now, {{ name }}?',
        choices: [
          { value: 'order', label: 'My order' },
          { value: 'help', label: 'Help' },
        ],
        variable: 'topic',
      }),
      node('lookup', 'http-request', {
        url: 'https://api.example.com/orders/{{ name }}',
        headers: [{ name: 'x-topic', value: '{{ topic }}' }],
        responseMapping: [{ variable: 'status', expression: 'response.status' }],
        errorVariable: 'error',
      }),
      condition('check', 'status == 200 && size(name) > 0'),
      setVariable('count', 'tries', 'tries + 1'),
      node('sorry', 'end', { status: 'unresolved', message: 'Sorry: {{ error }}' }),
      node('done', 'end', { status: 'resolved', message: 'Thanks {{ name }}, {{ tries }} so far.' }),
    ],
    edges: [
      ...chain('start', 'greet', 'askName', 'menu'),
      edge('menu', 'lookup', 'order'),
      edge('menu', 'done', 'help'),
      edge('lookup', 'check', 'success'),
      edge('lookup', 'sorry', 'error'),
      edge('check', 'count', 'yes'),
      edge('check', 'done', 'else'),
      edge('count', 'done'),
    ],
    variables: ['name', 'topic', 'status', 'error', { name: 'tries', type: 'number', initial: 0 }],
  });
}

export function withCode(diagnostics: readonly FlowDiagnostic[], code: DiagnosticCode): FlowDiagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The one diagnostic with `code`, failing the test when there is none or more than one. */
export function only(diagnostics: readonly FlowDiagnostic[], code: DiagnosticCode): FlowDiagnostic {
  const found = withCode(diagnostics, code);
  expect(found, `expected one ${code} in ${JSON.stringify(diagnostics, null, 2)}`).toHaveLength(1);
  return found[0] as FlowDiagnostic;
}

export function codesOf(diagnostics: readonly FlowDiagnostic[]): DiagnosticCode[] {
  return diagnostics.map((d) => d.code);
}
