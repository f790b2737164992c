import '../i18n/english-for-tests.ts';
import { describe, expect, it } from 'vitest';
import { searchNodes } from './search.ts';
import { testFlow } from './test-flow.ts';

describe('searchNodes', () => {
  it('matches id, kind label and card text, case-insensitively', () => {
    const flow = testFlow();
    expect(searchNodes(flow, 'ASK-1')).toEqual(['ask-1']);
    expect(searchNodes(flow, 'choice')).toEqual(['choice-1']);
    expect(searchNodes(flow, 'pasta')).toEqual(['choice-1']);
    expect(searchNodes(flow, 'your name')).toEqual(['ask-1']);
    expect(searchNodes(flow, 'resolved')).toEqual(['end']);
  });

  it('finds nothing for blank or absent text', () => {
    expect(searchNodes(testFlow(), '  ')).toEqual([]);
    expect(searchNodes(testFlow(), 'zebra')).toEqual([]);
  });
});
