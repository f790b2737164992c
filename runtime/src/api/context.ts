import type { LiveEvents } from '../server/events/live-events.ts';
import type { AuthService } from '../services/auth/auth-service.ts';
import type { ConversationService } from '../services/conversations/index.ts';
import type { FlowService } from '../services/flows/index.ts';
import type { Principal } from '../services/principal.ts';
import type { SimulatorService } from '../services/simulator/index.ts';
import type { Database } from '../store/database.ts';

/** The services one server builds once and every request shares. */
export type ParleyServices = {
  database: Database;
  auth: AuthService;
  flows: FlowService;
  conversations: ConversationService;
  /** Chats with a flow's draft for the designer, writing nothing. */
  simulator: SimulatorService;
  /** Live conversation events for the `events.*` subscriptions. */
  events: LiveEvents;
};

export type ApiContext = {
  services: ParleyServices;
  /** Who is calling, or null when the request carries no valid credential. */
  principal: Principal | null;
  /** The session token the request came with, so `auth.signOut` can end it. */
  sessionToken: string | null;
};

const API_KEY_PREFIX = 'pk_';

/**
 * Reads `Authorization: Bearer <credential>`: an API key (`pk_...`) for connectors, otherwise a session
 * token from `auth.signIn`. An unknown, expired or revoked credential leaves the caller anonymous, so
 * protected procedures answer UNAUTHORIZED.
 */
export async function createApiContext(
  services: ParleyServices,
  authorization: string | undefined,
): Promise<ApiContext> {
  const credential = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!credential) return { services, principal: null, sessionToken: null };
  if (credential.startsWith(API_KEY_PREFIX)) {
    return { services, principal: await services.auth.authenticateApiKey(credential), sessionToken: null };
  }
  return { services, principal: await services.auth.authenticate(credential), sessionToken: credential };
}

/**
 * The credential of a request: its Authorization header or, for subscriptions from a browser (whose
 * EventSource cannot send headers), the tRPC connection param `authorization` (`Bearer ...`).
 */
export function authorizationOf(
  header: string | undefined,
  connectionParams: Readonly<Record<string, string | undefined>> | null | undefined,
): string | undefined {
  return header ?? connectionParams?.authorization;
}
