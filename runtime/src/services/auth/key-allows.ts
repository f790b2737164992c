import { ParleyError } from '../../errors.ts';
import type { Principal } from '../principal.ts';

const within = (scope: string[] | '*', value: string) => scope === '*' || scope.includes(value);

/**
 * Whether `principal` may use `flowId` in `environment`. Only API keys are scoped this way; users are
 * limited by their role (see policy.ts), so for them this is always true.
 */
export function keyAllows(principal: Principal, flowId: string, environment: string): boolean {
  if (principal.type !== 'api-key') return true;
  return within(principal.scopes.flowIds, flowId) && within(principal.scopes.environments, environment);
}

/** Throws FORBIDDEN naming the flow and environment when `keyAllows` says no. */
export function assertKeyAllows(principal: Principal, flowId: string, environment: string): void {
  if (!keyAllows(principal, flowId, environment)) {
    throw new ParleyError(
      'FORBIDDEN',
      `this API key may not use flow ${flowId} in the ${environment} environment; an admin can widen its scopes by creating a new key`,
      { flowId, environment },
    );
  }
}
