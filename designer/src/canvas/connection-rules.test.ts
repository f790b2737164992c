import '../i18n/english-for-tests.ts';
import { describe, expect, it } from 'vitest';
import { checkConnection, refusalHint } from './connection-rules.ts';
import { testFlow } from './test-flow.ts';

describe('checkConnection', () => {
  const flow = testFlow();

  it('accepts a free output port into another node, including loops back to earlier nodes', () => {
    expect(checkConnection(flow, { source: 'choice-1', sourceHandle: 'pasta', target: 'ask-1' })).toEqual({
      ok: true,
      source: 'choice-1',
      sourcePort: 'pasta',
      target: 'ask-1',
    });
  });

  it('refuses a port that already has an edge', () => {
    const check = checkConnection(flow, { source: 'choice-1', sourceHandle: 'pizza', target: 'ask-1' });
    expect(check).toEqual({ ok: false, reason: 'port-taken', port: 'pizza' });
    expect(check.ok || refusalHint(check)).toContain('"pizza"');
  });

  it('refuses self-loops, edges into start, unknown nodes and ports', () => {
    expect(
      checkConnection(flow, { source: 'choice-1', sourceHandle: 'pasta', target: 'choice-1' }),
    ).toMatchObject({
      reason: 'self-loop',
    });
    expect(
      checkConnection(flow, { source: 'choice-1', sourceHandle: 'pasta', target: 'start' }),
    ).toMatchObject({
      reason: 'into-start',
    });
    expect(checkConnection(flow, { source: 'gone', sourceHandle: 'next', target: 'end' })).toMatchObject({
      reason: 'unknown-node',
    });
    expect(checkConnection(flow, { source: 'choice-1', sourceHandle: 'salad', target: 'end' })).toMatchObject(
      {
        reason: 'unknown-port',
      },
    );
    expect(checkConnection(flow, { source: 'choice-1', sourceHandle: null, target: 'end' })).toMatchObject({
      reason: 'unknown-port',
    });
  });

  it('lets an edge being reconnected keep its own port', () => {
    const attempt = { source: 'choice-1', sourceHandle: 'pizza', target: 'ask-1' };
    expect(checkConnection(flow, attempt, 'e-choice-1-pizza').ok).toBe(true);
  });

  it('has a hint for every refusal', () => {
    for (const reason of ['self-loop', 'into-start', 'port-taken', 'unknown-node', 'unknown-port'] as const) {
      expect(refusalHint({ ok: false, reason }).length).toBeGreaterThan(5);
    }
  });
});
