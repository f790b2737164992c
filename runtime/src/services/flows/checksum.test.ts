import { describe, expect, it } from 'vitest';
import { canonicalJson, flowChecksum } from './checksum.ts';

describe('flow checksum', () => {
  it('ignores key order at every level but not array order', () => {
    const a = { id: 'f', nodes: [{ id: 'a', data: { x: 1, y: 2 } }] };
    const b = { nodes: [{ data: { y: 2, x: 1 }, id: 'a' }], id: 'f' };
    expect(canonicalJson(b)).toBe('{"id":"f","nodes":[{"data":{"x":1,"y":2},"id":"a"}]}');
    expect(flowChecksum(a)).toBe(flowChecksum(b));
    expect(flowChecksum({ list: [1, 2] })).not.toBe(flowChecksum({ list: [2, 1] }));
    expect(flowChecksum(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
