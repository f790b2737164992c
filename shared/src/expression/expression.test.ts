import { describe, expect, it } from 'vitest';
import { checkExpression, ExpressionError, evaluateCondition, evaluateExpression } from './expression.ts';

describe('CEL expressions', () => {
  it('reads flow variables and mixes ints with numbers from JSON', () => {
    expect(evaluateExpression('count + 1', { count: 4 })).toBe(5);
    expect(evaluateExpression('price * 2', { price: 2.5 })).toBe(5);
    expect(evaluateExpression('1 + 2', {})).toBe(3);
    expect(evaluateExpression('order.items.size()', { order: { items: [1, 2] } })).toBe(2);
    expect(evaluateExpression('"Hi " + name', { name: 'Ada' })).toBe('Hi Ada');
  });

  it('returns JSON values, never bigints or maps', () => {
    expect(evaluateExpression('{"a": 1, "b": [1, 2.5]}', {})).toEqual({ a: 1, b: [1, 2.5] });
  });

  it('evaluates conditions and refuses non-boolean ones', () => {
    expect(evaluateCondition('status == "shipped"', { status: 'shipped' })).toBe(true);
    expect(() => evaluateCondition('status', { status: 'shipped' })).toThrow(/must be true or false/);
  });

  it('names the expression and the reason when evaluation fails', () => {
    expect(() => evaluateExpression('order.missing', { order: {} })).toThrow(ExpressionError);
    expect(() => evaluateExpression('order.missing', { order: {} })).toThrow(/`order.missing`.*No such key/);
  });

  it('cannot reach JavaScript globals', () => {
    expect(() => evaluateExpression('process.exit(1)', {})).toThrow(ExpressionError);
    expect(() => evaluateExpression('constructor', {})).toThrow(ExpressionError);
  });

  it('reports parse errors, undeclared names and type errors apart', () => {
    expect(checkExpression('status ==', ['status'])).toMatchObject({ kind: 'parse' });
    expect(checkExpression('', ['status'])).toMatchObject({
      kind: 'parse',
      message: 'the expression is empty',
    });
    expect(checkExpression('statsu == "x"', ['status'])).toEqual({
      kind: 'undeclared',
      name: 'statsu',
      message: 'Unknown variable: statsu',
    });
    expect(checkExpression('"a" + 1', [])).toMatchObject({ kind: 'type' });
    expect(checkExpression('items.exists(i, i > limit)', ['items', 'limit'])).toBeNull();
  });
});

describe('optional access', () => {
  it('reads a field that may be missing without failing', () => {
    expect(evaluateExpression('order.?eta.orValue("soon")', { order: {} })).toBe('soon');
    expect(evaluateExpression('order.?eta.orValue("soon")', { order: { eta: 'Monday' } })).toBe('Monday');
    expect(checkExpression('order.?eta.orValue("soon")', ['order'])).toBeNull();
  });
});

describe('checking against many name sets', () => {
  it('knows exactly the names given, whatever was checked before', () => {
    expect(checkExpression('a + b', ['a', 'b'])).toBeNull();
    expect(checkExpression('a + b', ['a'])).toMatchObject({ kind: 'undeclared', name: 'b' });
    expect(checkExpression('a + b', ['b', 'a', 'b'])).toBeNull();
    expect(checkExpression('a + b', new Set(['b']))).toMatchObject({ kind: 'undeclared', name: 'a' });
  });

  it('keeps name sets apart when their names could run together', () => {
    expect(checkExpression('ab', ['a', 'b'])).toMatchObject({ kind: 'undeclared', name: 'ab' });
    expect(checkExpression('ab', ['ab'])).toBeNull();
  });

  it('stays right after more name sets than it keeps', () => {
    for (let i = 0; i < 300; i++) {
      expect(checkExpression(`v${i} + 1`, [`v${i}`])).toBeNull();
      expect(checkExpression(`v${i} + w`, [`v${i}`])).toMatchObject({ kind: 'undeclared', name: 'w' });
    }
    expect(checkExpression('v0 + 1', ['v0'])).toBeNull();
    expect(checkExpression('v0 + 1', ['v1'])).toMatchObject({ kind: 'undeclared', name: 'v0' });
  });
});
