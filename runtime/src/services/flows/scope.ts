import { ParleyError } from '../../errors.ts';
import type { Principal } from '../principal.ts';

/**
 * Refuses an API key acting outside the flows and environments it was given. Roles are the API layer's
 * business; a key's scope names resources only the service sees.
 */
export function assertScope(actor: Principal, flowId: string, environment?: string): void {
  if (actor.type !== 'api-key') return;
  const { flowIds, environments } = actor.scopes;
  if (flowIds !== '*' && !flowIds.includes(flowId)) {
    throw new ParleyError('FORBIDDEN', `this API key may not act on flow "${flowId}"`);
  }
  if (environment !== undefined && environments !== '*' && !environments.includes(environment)) {
    throw new ParleyError('FORBIDDEN', `this API key may not act on the ${environment} environment`);
  }
}
