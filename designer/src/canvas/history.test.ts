import '../i18n/english-for-tests.ts';
import { describe, expect, it } from 'vitest';
import { createHistory, record, redo, undo } from './history.ts';

describe('history', () => {
  it('undoes and redoes through recorded states', () => {
    let h = createHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h).toEqual({ past: ['a'], present: 'b', future: ['c'] });
    h = redo(h);
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('drops the redo branch on a new edit and ignores recording the present again', () => {
    let h = record(record(createHistory(1), 2), 3);
    h = undo(h);
    expect(record(h, 2)).toBe(h);
    h = record(h, 4);
    expect(h).toEqual({ past: [1, 2], present: 4, future: [] });
  });

  it('forgets the oldest states beyond the limit', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 5; i++) h = record(h, i, 3);
    expect(h.past).toEqual([2, 3, 4]);
  });
});
