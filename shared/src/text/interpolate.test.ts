import { describe, expect, it } from 'vitest';
import { interpolate, templateExpressions } from './interpolate.ts';

describe('text templates', () => {
  it('replaces placeholders with values, including expressions', () => {
    expect(interpolate('Order {{ id }} is {{status}}', { id: 'AB-1', status: 'shipped' })).toBe(
      'Order AB-1 is shipped',
    );
    expect(interpolate('{{ count + 1 }} items, {{ ok }}', { count: 2, ok: true })).toBe('3 items, true');
    expect(interpolate('{{ tags }}', { tags: ['a', 'b'] })).toBe('["a","b"]');
  });

  it('renders a failing or empty placeholder as empty text instead of breaking the reply', () => {
    expect(interpolate('Hi {{ missing }}!', {})).toBe('Hi !');
    expect(interpolate('Hi {{ name }}!', { name: null })).toBe('Hi !');
  });

  it('lists the expressions a template reads, for validation', () => {
    expect(templateExpressions('a {{ x }} b {{y + 1}}')).toEqual(['x', 'y + 1']);
    expect(templateExpressions('no placeholders')).toEqual([]);
  });
});
