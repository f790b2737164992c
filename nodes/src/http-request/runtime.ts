import { fromPromise } from 'xstate';
import type { ActorDoneEvent, ActorErrorEvent } from '../machine/flow-context.ts';
import { scopeOf } from '../machine/flow-context.ts';
import {
  contextAction,
  defineRuntime,
  spawnAction,
  stopChildAction,
} from '../machine/implementation-helpers.ts';
import { type Assignment, applyAssignments, lastErrorUpdate } from '../set-variable/apply-assignments.ts';
import { callHttp, HttpCallError, type HttpCallInput, type HttpResponse } from './call-http.ts';
import type { HttpRequestConfig } from './definition.ts';
import { renderRequest } from './render-request.ts';

type SendParams = {
  actorId: string;
  request: Pick<HttpRequestConfig, 'method' | 'url' | 'headers' | 'body'>;
  timeoutMs: number;
  allowedPrivateHosts: string[];
};
type MappingParams = { responseMapping: Assignment[]; errorVariable?: string };

export const httpRequestRuntime = defineRuntime((deps) => ({
  actions: {
    'http-request.send': spawnAction<SendParams>('http-request.call', ({ context }, params) => {
      const input: HttpCallInput = {
        ...renderRequest(params.request, scopeOf(context)),
        timeoutMs: params.timeoutMs,
        allowedPrivateHosts: params.allowedPrivateHosts,
      };
      return { id: params.actorId, input };
    }),
    'http-request.stop': stopChildAction(),
    'http-request.mapResponse': contextAction<MappingParams>(({ context, event }, params) => {
      const response = (event as ActorDoneEvent).output as HttpResponse;
      const { vars, errors } = applyAssignments(context, params.responseMapping, { response });
      if (params.errorVariable) vars[params.errorVariable] = null;
      return { vars, ...lastErrorUpdate(context, errors) };
    }),
    // A server that answered (non-2xx) still has a response worth mapping, e.g. its error message. With
    // no answer at all the mapped values are unknown: null, never a stale value from an earlier call.
    'http-request.recordFailure': contextAction<MappingParams>(({ context, event }, params) => {
      const { error } = event as ActorErrorEvent;
      const failure = error instanceof HttpCallError ? error : new HttpCallError(String(error));
      const { vars, errors } = failure.response
        ? applyAssignments(context, params.responseMapping, { response: failure.response })
        : {
            vars: {
              ...context.vars,
              ...Object.fromEntries(params.responseMapping.map((m) => [m.variable, null])),
            },
            errors: [],
          };
      if (params.errorVariable) vars[params.errorVariable] = failure.message;
      return { vars, ...lastErrorUpdate(context, [failure.message, ...errors]) };
    }),
  },
  actors: {
    'http-request.call': fromPromise<HttpResponse, HttpCallInput>(({ input, signal }) =>
      callHttp(input, deps, signal),
    ),
  },
}));
