import type { ParleyServices } from '../../api/context.ts';
import type { Principal } from '../../services/principal.ts';
import { systemPrincipal } from '../../services/principal.ts';
import { COUNTING_ECHO_NAME, countingEchoFlow } from './counting-echo-flow.ts';

/** Where the seeded flow is deployed and the seeded key may send. */
export const DURABLE_ENVIRONMENT = 'production';

export type DurableFixture = {
  flowId: string;
  /** The connector key, only on the run that created it (the store keeps its hash). */
  apiKey: string | null;
};

/**
 * What a fresh installation needs before a connector can talk to it: an admin, the counting echo flow
 * published and deployed to production by that admin, and an API key scoped to it. A database seeded
 * before is left as it is.
 */
export async function seedDurableFixture(services: ParleyServices): Promise<DurableFixture> {
  const known = (await services.flows.list()).find((flow) => flow.name === COUNTING_ECHO_NAME);
  if (known) return { flowId: known.id, apiKey: null };

  const user = await services.auth.createUser(systemPrincipal, {
    email: 'admin@durability.test',
    name: 'Durability Admin',
    role: 'admin',
    password: 'a long enough password',
  });
  const admin: Principal = { type: 'user', id: user.id, role: 'admin', name: user.name };
  const flow = await services.flows.importFlow(admin, { flow: countingEchoFlow });
  const published = await services.flows.publish(admin, flow.id, { notes: 'durability fixture' });
  await services.flows.deploy(admin, flow.id, DURABLE_ENVIRONMENT, published.version.number);
  const { key } = await services.auth.createApiKey(admin, {
    name: 'durability connector',
    scopes: { flowIds: [flow.id], environments: [DURABLE_ENVIRONMENT] },
  });
  return { flowId: flow.id, apiKey: key };
}
