import http from 'node:http';

/** The server could not be reached or hung up before answering: whether it did the work is unknown. */
export class ServerUnreachable extends Error {
  override name = 'ServerUnreachable';
}

/** The server answered with a tRPC error. */
export class ProcedureFailed extends Error {
  override name = 'ProcedureFailed';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type CallOptions = {
  apiKey: string;
  /** `false` opens a connection for this call alone; a keep-alive agent reuses them. */
  agent: http.Agent | false;
  /** Gives up (as unreachable) when no answer came in this long. */
  timeoutMs?: number;
};

type Envelope = { result?: { data?: unknown }; error?: { message?: string; data?: { code?: string } } };

function parseEnvelope(text: string): Envelope {
  try {
    return JSON.parse(text) as Envelope;
  } catch {
    throw new ServerUnreachable(`the server answered with a body that is not JSON: ${text.slice(0, 200)}`);
  }
}

/**
 * Calls a tRPC mutation with the wire format a connector would send (`POST /trpc/<path>`, the input as
 * the JSON body, the API key as a bearer token). Plain node:http rather than the typed client, so a test
 * sees exactly whether an answer arrived and controls which connection carried the call.
 */
export function callMutation<T>(
  baseUrl: string,
  path: string,
  input: unknown,
  options: CallOptions,
): Promise<T> {
  const body = JSON.stringify(input);
  const target = new URL(`/trpc/${path}`, baseUrl);
  return new Promise<T>((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: options.agent,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(new ServerUnreachable(error.message)));
        response.on('aborted', () => reject(new ServerUnreachable('the answer was cut off')));
        response.on('end', () => {
          if (!response.complete) return reject(new ServerUnreachable('the answer was cut off'));
          try {
            const envelope = parseEnvelope(Buffer.concat(chunks).toString('utf8'));
            if (response.statusCode === 200 && envelope.result) return resolve(envelope.result.data as T);
            const code = envelope.error?.data?.code ?? 'UNKNOWN';
            const message = envelope.error?.message ?? `HTTP ${response.statusCode}`;
            reject(new ProcedureFailed(response.statusCode ?? 0, code, `${path}: ${code}: ${message}`));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.setTimeout(options.timeoutMs ?? 15_000, () =>
      request.destroy(new Error(`no answer from ${target.href} in ${options.timeoutMs ?? 15_000} ms`)),
    );
    request.on('error', (error) => reject(new ServerUnreachable(error.message)));
    request.end(body);
  });
}
