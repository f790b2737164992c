import type { JsonValue } from '@parley/shared';
import { type AnyActorLogic, assign, enqueueActions } from 'xstate';
import type { HttpTransport } from '../http-request/http-transport.ts';
import type { BotMessageEmitted, FlowContext, FlowEvent } from './flow-context.ts';

type Params = Record<string, unknown>;
type Args = { context: FlowContext; event: FlowEvent };

/** An action that updates the context from params: typed once here so node kinds never cast. */
export function contextAction<P extends Params>(update: (args: Args, params: P) => Partial<FlowContext>) {
  return assign<FlowContext, FlowEvent, P, FlowEvent, never>(({ context, event }, params) =>
    update({ context, event }, params),
  );
}

/** An action that says zero or more bot messages, computed from the context and params. */
export function sayAction<P extends Params>(
  compose: (args: Args, params: P) => BotMessageEmitted['message'][],
) {
  return enqueueActions<FlowContext, FlowEvent, P, FlowEvent, never, never, never, never, BotMessageEmitted>(
    ({ context, event, enqueue }, params) => {
      for (const message of compose({ context, event }, params))
        enqueue.emit({ type: 'bot.message', message });
    },
  );
}

export type FlowGuard<P extends Params = Params> = (args: Args, params: P) => boolean;

/** Child actors (HTTP calls) are started from actions so their input can be computed from the context. */
export function spawnAction<P extends Params>(
  src: string,
  compose: (args: Args, params: P) => { id: string; input: JsonValue },
) {
  return enqueueActions<FlowContext, FlowEvent, P, FlowEvent, NamedActor, never, never, never, never>(
    ({ context, event, enqueue }, params) => {
      const { id, input } = compose({ context, event }, params);
      enqueue.spawnChild(src, { id, input });
    },
  );
}

/** Any actor named in setup(): the compiled machine refers to actors by name only. */
type NamedActor = { src: string; logic: AnyActorLogic; id: string | undefined };

export function stopChildAction<P extends { actorId: string }>() {
  return enqueueActions<FlowContext, FlowEvent, P, FlowEvent, never, never, never, never, never>(
    ({ enqueue }, params) => enqueue.stopChild(params.actorId),
  );
}

/** A node kind's server-side implementations, referenced by name from the compiled machine. */
export type NodeRuntime = {
  actions?: Record<string, unknown>;
  guards?: Record<string, FlowGuard<never>>;
  actors?: Record<string, AnyActorLogic>;
};

/** Everything from outside a flow that node implementations need: injected so tests run offline. */
export type RuntimeDeps = {
  /** Sends one HTTP request without following redirects; the HTTP node adds SSRF checks, redirects and timeouts. */
  http: HttpTransport;
  /** Resolves a host name to all its addresses; the HTTP node connects only to those its SSRF policy allows. */
  lookup: (host: string) => Promise<string[]>;
};

export function defineRuntime<R extends NodeRuntime>(
  factory: (deps: RuntimeDeps) => R,
): (deps: RuntimeDeps) => R {
  return factory;
}
