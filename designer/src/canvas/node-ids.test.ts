import '../i18n/english-for-tests.ts';
import { nodeIdSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { edgeIdFor, nextNodeId } from './node-ids.ts';

const nodes = (...ids: string[]) => ({
  nodes: ids.map((id) => ({ id, type: 'x', position: { x: 0, y: 0 }, data: {} })),
});

describe('nextNodeId', () => {
  it('starts at 1 and continues after the highest number of that kind', () => {
    expect(nextNodeId(nodes(), 'message')).toBe('message-1');
    expect(nextNodeId(nodes('message-1', 'message-7', 'ask-9'), 'message')).toBe('message-8');
  });

  it('does not confuse kinds whose names share a prefix', () => {
    expect(nextNodeId(nodes('set-variable-4', 'set-3'), 'set')).toBe('set-4');
    expect(nextNodeId(nodes('set-variable-4'), 'set-variable')).toBe('set-variable-5');
  });

  it('avoids ids taken outside the flow and yields valid node ids', () => {
    const id = nextNodeId(nodes('http-request-1'), 'http-request', ['http-request-2']);
    expect(id).toBe('http-request-3');
    expect(nodeIdSchema.safeParse(id).success).toBe(true);
  });
});

describe('edgeIdFor', () => {
  it('is e-<source>-<port>, suffixed only on a clash', () => {
    expect(edgeIdFor({ edges: [] }, 'ask-1', 'next')).toBe('e-ask-1-next');
    const edges = [{ id: 'e-ask-1-next', source: 'ask-1', sourcePort: 'next', target: 'end' }];
    expect(edgeIdFor({ edges }, 'ask-1', 'next')).toBe('e-ask-1-next-2');
  });
});
