import { describe, expect, it } from 'vitest';
import { whereLive } from './where-live.ts';

describe('whereLive', () => {
  const live = {
    development: { versionNumber: 3, split: null },
    staging: { versionNumber: 2, split: { versionNumber: 3, percent: 10 } },
    production: null,
  };

  it('names every environment running a version, with its share of a traffic split', () => {
    expect(whereLive(live, 3)).toBe('development, staging (10%)');
    expect(whereLive(live, 2)).toBe('staging (90%)');
    expect(whereLive(live, 1)).toBe('');
  });
});
