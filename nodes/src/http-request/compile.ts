import type { CompileContext } from '../compile/compile-context.ts';
import type { StateConfig, TransitionConfig } from '../core/machine-config.ts';
import type { HttpRequestConfig } from './definition.ts';

/** The child actor's id; its done and error events are named after it. */
export const httpActorId = (nodeId: string) => `http-request:${nodeId}`;

/**
 * The call runs as a child actor spawned on entry (an invoke's input in JSON could not read the context)
 * and stopped on exit; its done event leads to `success`, its error event to `error`.
 */
export function compileHttpRequest(config: HttpRequestConfig, ctx: CompileContext): StateConfig {
  const actorId = httpActorId(ctx.nodeId);
  const { http } = ctx.flow.settings;
  const mapping = {
    responseMapping: config.responseMapping,
    ...(config.errorVariable ? { errorVariable: config.errorVariable } : {}),
  };
  const to = (port: string): TransitionConfig => ({ target: ctx.requiredPort(port) });
  return {
    entry: [
      {
        type: 'http-request.send',
        params: {
          actorId,
          request: {
            method: config.method,
            url: config.url,
            headers: config.headers,
            ...(config.body === undefined ? {} : { body: config.body }),
          },
          timeoutMs: config.timeoutMs ?? http.defaultTimeoutMs,
          allowedPrivateHosts: http.allowedPrivateHosts,
        },
      },
    ],
    exit: [{ type: 'http-request.stop', params: { actorId } }],
    on: {
      [`xstate.done.actor.${actorId}`]: [
        { ...to('success'), actions: [{ type: 'http-request.mapResponse', params: mapping }] },
      ],
      [`xstate.error.actor.${actorId}`]: [
        { ...to('error'), actions: [{ type: 'http-request.recordFailure', params: mapping }] },
      ],
    },
  };
}
