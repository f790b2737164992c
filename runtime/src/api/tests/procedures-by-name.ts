import type { TRPCUntypedClient } from '@trpc/client';
import type { AnyTRPCProcedure, AnyTRPCRouter, inferRouterInputs } from '@trpc/server';
import type { ProcedureName } from '../../services/auth/policy.ts';
import { type AppRouter, appRouter } from '../router.ts';

/* Procedures by their policy name (`flows.get`), for suites that go through all of them. */

type RouterInputs = inferRouterInputs<AppRouter>;

/** The input type of a procedure named as in the role policy (`flows.get`); never for a name the router lacks. */
export type InputOf<P extends ProcedureName> = P extends `${infer Area}.${infer Name}`
  ? Area extends keyof RouterInputs
    ? Name extends keyof RouterInputs[Area]
      ? RouterInputs[Area][Name]
      : never
    : never
  : never;

const anyRouter: AnyTRPCRouter = appRouter;
const procedures: Record<string, AnyTRPCProcedure | undefined> = anyRouter._def.procedures;

/** The names the router serves, as `flows.get`. */
export const routerProcedureNames = (): string[] => Object.keys(procedures);

export function procedureType(name: string): 'query' | 'mutation' | 'subscription' {
  const procedure = procedures[name];
  if (!procedure) throw new Error(`the router has no procedure ${name}`);
  return procedure._def.type;
}

/** Whether the procedure declares an input. */
export const takesInput = (name: string): boolean => (procedures[name]?._def.inputs.length ?? 0) > 0;

/**
 * Calls a procedure by name. A subscription resolves with its first event (then unsubscribes) and rejects
 * with its error; `poke` runs once it has started and then every 200 ms until an event comes, for
 * streams that only send what happens after they open.
 */
export function callByName(
  client: TRPCUntypedClient<AppRouter>,
  name: string,
  input: unknown,
  poke?: () => Promise<unknown>,
): Promise<unknown> {
  const type = procedureType(name);
  if (type === 'query') return client.query(name, input);
  if (type === 'mutation') return client.mutation(name, input);
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const finish = () => {
      clearInterval(timer);
      subscription.unsubscribe();
    };
    const subscription = client.subscription(name, input, {
      onStarted: () => {
        if (!poke) return;
        void poke();
        timer = setInterval(() => void poke(), 200);
      },
      onData: (data) => {
        finish();
        resolve(data);
      },
      onError: (error) => {
        finish();
        reject(error);
      },
    });
  });
}
