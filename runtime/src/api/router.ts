import { apiKeysRouter } from './routers/api-keys.ts';
import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { conversationsRouter } from './routers/conversations.ts';
import { deploymentsRouter } from './routers/deployments.ts';
import { eventsRouter } from './routers/events.ts';
import { flowsRouter } from './routers/flows.ts';
import { simulatorRouter } from './routers/simulator.ts';
import { usersRouter } from './routers/users.ts';
import { versionsRouter } from './routers/versions.ts';
import { router } from './trpc.ts';

/** The whole API; its procedure names are exactly the role policy's (`services/auth/policy.ts`). */
export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  flows: flowsRouter,
  versions: versionsRouter,
  deployments: deploymentsRouter,
  conversations: conversationsRouter,
  simulator: simulatorRouter,
  events: eventsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
