import { describe, expect, it } from 'vitest';
import type { Principal } from '../principal.ts';
import { assertKeyAllows, keyAllows } from './key-allows.ts';

const key = (flowIds: string[] | '*', environments: string[] | '*'): Principal => ({
  type: 'api-key',
  id: 'key_1',
  scopes: { flowIds, environments },
});

describe('API key scopes', () => {
  it('allow only the listed flows in the listed environments', () => {
    const scoped = key(['orders'], ['staging']);
    expect(keyAllows(scoped, 'orders', 'staging')).toBe(true);
    expect(keyAllows(scoped, 'orders', 'production')).toBe(false);
    expect(keyAllows(scoped, 'refunds', 'staging')).toBe(false);
  });

  it('allow everything on a side given as *', () => {
    expect(keyAllows(key('*', ['production']), 'anything', 'production')).toBe(true);
    expect(keyAllows(key('*', ['production']), 'anything', 'staging')).toBe(false);
    expect(keyAllows(key(['orders'], '*'), 'orders', 'any-env')).toBe(true);
  });

  it('do not limit users, whose roles the policy checks', () => {
    expect(keyAllows({ type: 'user', id: 'u', role: 'operator', name: 'O' }, 'orders', 'production')).toBe(
      true,
    );
  });

  it('are enforced with a FORBIDDEN error naming the flow and environment', () => {
    expect(() => assertKeyAllows(key(['orders'], ['staging']), 'refunds', 'production')).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: expect.stringContaining('may not use flow refunds in the production environment'),
      }),
    );
    expect(() => assertKeyAllows(key(['orders'], ['staging']), 'orders', 'staging')).not.toThrow();
  });
});
