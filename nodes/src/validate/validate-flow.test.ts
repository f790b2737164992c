import { describe, expect, it } from 'vitest';
import {
  compileFlow,
  DIAGNOSTIC_CATALOGUE,
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
  validateFlow as exported,
  hasErrors,
} from '../index.ts';
import {
  ask,
  chain,
  cleanFlow,
  condition,
  edge,
  end,
  flowOf,
  message,
  minimalFlow,
  node,
  start,
} from './test-helpers.ts';
import { validateFlow } from './validate-flow.ts';

/** One small flow per code; typed so that adding a code without a fixture fails to compile. */
const triggers = {
  'invalid-document': () => ({ ...minimalFlow(), name: '' }),
  'duplicate-node-id': () => flowOf({ ...minimalFlow(), nodes: [...minimalFlow().nodes, end()] }),
  'duplicate-edge-id': () =>
    flowOf({ ...minimalFlow(), edges: chain('start', 'hello', 'done').map((e) => ({ ...e, id: 'e' })) }),
  'unknown-kind': () => flowOf({ ...minimalFlow(), nodes: [start(), node('hello', 'text'), end()] }),
  'invalid-config': () => flowOf({ ...minimalFlow(), nodes: [start(), node('hello', 'message'), end()] }),
  'no-start': () => flowOf({ nodes: [end()] }),
  'multiple-starts': () =>
    flowOf({
      ...minimalFlow(),
      nodes: [...minimalFlow().nodes, start('again')],
      edges: [...chain('start', 'hello', 'done'), edge('again', 'done')],
    }),
  'dangling-edge': () =>
    flowOf({ ...minimalFlow(), edges: [...chain('start', 'hello', 'done'), edge('done', 'nowhere')] }),
  'port-multiple-edges': () =>
    flowOf({
      ...minimalFlow(),
      edges: [...chain('start', 'hello', 'done'), edge('start', 'done', 'next', 'again')],
    }),
  'required-port-unconnected': () => flowOf({ nodes: [start(), end()] }),
  'unreachable-node': () => flowOf({ ...minimalFlow(), nodes: [...minimalFlow().nodes, end('alone')] }),
  'undeclared-variable': () =>
    flowOf({ ...minimalFlow(), nodes: [start(), message('hello', '{{ who }}'), end()] }),
  'invalid-expression': () =>
    flowOf({ ...minimalFlow(), nodes: [start(), message('hello', '{{ ) }}'), end()] }),
  'busy-loop': () =>
    flowOf({ nodes: [start(), message('m')], edges: [edge('start', 'm'), edge('m', 'start')] }),
  'unused-variable': () => flowOf({ ...minimalFlow(), variables: ['spare'] }),
} satisfies Record<DiagnosticCode, () => unknown>;

describe('validateFlow', () => {
  it('is exported from @parley/nodes', () => {
    expect(exported).toBe(validateFlow);
  });

  it('finds nothing wrong in a flow using every node kind', () => {
    expect(validateFlow(cleanFlow())).toEqual([]);
    expect(validateFlow(minimalFlow())).toEqual([]);
  });

  it.each(DIAGNOSTIC_CODES)('has a fixture that reports %s with its catalogued severity', (code) => {
    const found = validateFlow(triggers[code]()).filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.severity).toBe(DIAGNOSTIC_CATALOGUE[code].severity);
  });

  it('documents every code', () => {
    for (const code of DIAGNOSTIC_CODES) expect(DIAGNOSTIC_CATALOGUE[code].doc).toMatch(/\.$/);
  });

  it('puts errors first, then document-wide problems, then node order, then edges alone', () => {
    const flow = flowOf({
      nodes: [
        start(),
        message('greet', 'Hi {{ who }}'),
        ask('q', 'answer'),
        condition('c', 'answer =='),
        end(),
        end('spare'),
      ],
      edges: [
        ...chain('start', 'greet', 'q', 'c'),
        edge('c', 'done', 'yes'),
        edge('ghost', 'done', 'next', 'lost'),
      ],
      variables: ['answer', 'unused'],
    });
    const found = validateFlow(flow);
    expect(found.map((d) => [d.severity, d.code, d.nodeId ?? d.edgeId ?? '-'])).toEqual([
      ['error', 'undeclared-variable', 'greet'],
      ['error', 'required-port-unconnected', 'c'],
      ['error', 'invalid-expression', 'c'],
      ['error', 'dangling-edge', 'lost'],
      ['warning', 'unused-variable', '-'],
      ['warning', 'unreachable-node', 'spare'],
    ]);
  });

  it('lets through only flows the compiler accepts', () => {
    for (const flow of [cleanFlow(), triggers['unreachable-node'](), triggers['unused-variable']()]) {
      expect(hasErrors(validateFlow(flow))).toBe(false);
      expect(() => compileFlow(flow)).not.toThrow();
    }
  });

  it('returns the same diagnostics in the same order every time', () => {
    const flow = triggers['multiple-starts']();
    expect(validateFlow(flow)).toEqual(validateFlow(structuredClone(flow)));
  });

  it('does not change the flow it checks', () => {
    const flow = cleanFlow();
    const before = structuredClone(flow);
    validateFlow(flow);
    expect(flow).toEqual(before);
  });

  it('validates a thousand-node flow without a diagnostic (speed is measured by pnpm bench engine)', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `n${i}`);
    const flow = flowOf({
      nodes: [
        start(),
        ...ids.map((id, i) => (i % 2 ? message(id, `Step {{ v${i % 50} }}`) : ask(id, `v${i % 50}`))),
        end(),
      ],
      edges: chain('start', ...ids, 'done'),
      variables: Array.from({ length: 50 }, (_, i) => `v${i}`),
    });
    expect(validateFlow(flow)).toEqual([]);
  });
});

describe('hasErrors', () => {
  it('is true only when some diagnostic is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors(validateFlow(triggers['unused-variable']()))).toBe(false);
    expect(hasErrors(validateFlow(triggers['no-start']()))).toBe(true);
  });
});
