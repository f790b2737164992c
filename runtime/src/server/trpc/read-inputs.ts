import { type AnyTRPCRouter, TRPCError } from '@trpc/server';

/** Raw inputs of a request by batch index, or why they could not be read. */
export type RequestInputs = { ok: true; inputs: unknown[] } | { ok: false; error: TRPCError };

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${where} is not valid JSON: ${reason}`, cause });
  }
}

/**
 * The tRPC v11 wire format: a query's input is the `input` query parameter, a mutation's the JSON body;
 * a batch (`?batch=1`) sends one object keyed by call index. Inputs go through the router's transformer.
 */
export function readInputs(
  router: AnyTRPCRouter,
  request: { method: string; body: unknown; queryInput: string | undefined },
  calls: number,
  isBatchCall: boolean,
): RequestInputs {
  try {
    let raw: unknown;
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (request.queryInput) raw = parseJson(request.queryInput, 'The "input" query parameter');
    } else if (typeof request.body === 'string' && request.body !== '') {
      raw = parseJson(request.body, 'The request body');
    }
    const transformer = router._def._config.transformer.input;
    if (raw === undefined) return { ok: true, inputs: [] };
    if (!isBatchCall) return { ok: true, inputs: [transformer.deserialize(raw)] };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'A batch call sends its inputs as one object keyed by call index, e.g. {"0": {...}}',
      });
    }
    const inputs: unknown[] = [];
    for (let index = 0; index < calls; index++) {
      const value: unknown = Reflect.get(raw, String(index));
      inputs.push(value === undefined ? undefined : transformer.deserialize(value));
    }
    return { ok: true, inputs };
  } catch (cause) {
    return {
      ok: false,
      error: cause instanceof TRPCError ? cause : new TRPCError({ code: 'BAD_REQUEST', cause }),
    };
  }
}
