import type { Principal } from '../principal.ts';

/** The flows and environments a list may show the actor; a missing field means all of them. */
export function visibleScope(actor: Principal): { flowIds?: string[]; environments?: string[] } {
  if (actor.type !== 'api-key') return {};
  const { flowIds, environments } = actor.scopes;
  return {
    ...(flowIds === '*' ? {} : { flowIds }),
    ...(environments === '*' ? {} : { environments }),
  };
}
