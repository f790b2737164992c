import { initTRPC, TRPCError } from '@trpc/server';
import { EngineError, type EngineErrorCode } from '../engine/errors.ts';
import { ParleyError } from '../errors.ts';
import { describeAccess, isAllowed, type ProcedureName, procedurePolicy } from '../services/auth/policy.ts';
import type { Principal } from '../services/principal.ts';
import type { ApiContext } from './context.ts';
import { unstorableInput } from './storable-input.ts';

const t = initTRPC.context<ApiContext>().create({ isDev: false });

const engineCodes: Record<EngineErrorCode, TRPCError['code']> = {
  BAD_EVENT: 'BAD_REQUEST',
  BAD_VERSION: 'UNPROCESSABLE_CONTENT',
  CONVERSATION_ENDED: 'PRECONDITION_FAILED',
  TURN_STEP_LIMIT: 'UNPROCESSABLE_CONTENT',
  TURN_TIMEOUT: 'UNPROCESSABLE_CONTENT',
  FLOW_STUCK: 'UNPROCESSABLE_CONTENT',
  FLOW_FAILED: 'UNPROCESSABLE_CONTENT',
};

/** Service and engine errors keep their message and get their tRPC code; anything else stays internal. */
function toTrpcError(error: unknown): TRPCError | null {
  if (error instanceof ParleyError)
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (error instanceof EngineError) {
    return new TRPCError({ code: engineCodes[error.code], message: error.message, cause: error });
  }
  return null;
}

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

/** Refuses, before any procedure's schema runs, input no procedure can take (see storable-input.ts). */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = unstorableInput(await getRawInput());
  if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A procedure open to anyone (signing in). */
export function publicProcedure(name: ProcedureName) {
  if (procedurePolicy[name] !== 'public') throw new Error(`${name} is not public in the role policy`);
  return t.procedure.use(mapErrors).use(storableInput);
}

/**
 * A procedure the role policy guards: anonymous callers get UNAUTHORIZED, callers of the wrong kind
 * FORBIDDEN, before any input is read or anything changes. One middleware does what `mapErrors`, the
 * role check and `storableInput` do in that order: each tRPC middleware level copies the call's options
 * twice, and this runs on every connector turn.
 */
export function guardedProcedure(name: ProcedureName) {
  return t.procedure.use(async ({ ctx, getRawInput, next }) => {
    const { principal } = ctx;
    if (!principal) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: `sign in, or send an API key, to call ${name}`,
      });
    }
    if (!isAllowed(principal, name))
      throw new TRPCError({ code: 'FORBIDDEN', message: describeAccess(name) });
    const problem = unstorableInput(await getRawInput());
    if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
    const result = await next({ ctx: { principal: principal as Principal } });
    if (!result.ok) {
      const mapped = toTrpcError(result.error.cause);
      if (mapped) throw mapped;
    }
    return result;
  });
}

/** The signed-in user, for procedures that act on the caller's own account. */
export function userOf(principal: Principal): Extract<Principal, { type: 'user' }> {
  if (principal.type !== 'user')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'only a signed-in user can do this' });
  return principal;
}
