import { isIPv6, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import type { HttpTransport } from './http-transport.ts';

/** A `net.connect` lookup that connects only to the addresses `resolve` returns for the host. */
function lookupThrough(resolve: (host: string) => Promise<string[]>): LookupFunction {
  return (host, options, callback) => {
    resolve(host).then(
      (resolved) => {
        const addresses = resolved
          .map((address) => ({ address, family: isIPv6(address) ? 6 : 4 }))
          .filter((a) => !options.family || options.family === a.family);
        const [first] = addresses;
        if (!first) {
          const error = Object.assign(new Error(`no address of the requested family for "${host}"`), {
            code: 'ENOTFOUND',
          });
          callback(error, '', 0);
        } else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * The default transport: undici with a fresh agent per exchange, because the connect-time address
 * filter depends on the flow's SSRF settings.
 */
export const undiciTransport: HttpTransport = async ({
  method,
  url,
  headers,
  body,
  signal,
  maxResponseBytes,
  resolve,
}) => {
  const agent = new Agent({
    maxResponseSize: maxResponseBytes,
    connect: { lookup: lookupThrough(resolve) },
  });
  try {
    const response = await request(url, {
      method,
      headers,
      body: body ?? null,
      signal,
      dispatcher: agent,
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body: text };
  } finally {
    await agent.destroy();
  }
};
