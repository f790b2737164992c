import { STATUS_CODES } from 'node:http';
import { isIP } from 'node:net';
import type { JsonValue } from '@parley/shared';
import type { RuntimeDeps } from '../machine/implementation-helpers.ts';
import { blockedAddressReason, isAllowedPrivateHost, normaliseHost } from './address-policy.ts';
import type { HttpTransportResponse } from './http-transport.ts';
import type { RenderedRequest } from './render-request.ts';

export const MAX_REDIRECTS = 5;
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** What the HTTP actor receives: the rendered request and the flow's HTTP settings. */
export type HttpCallInput = RenderedRequest & { timeoutMs: number; allowedPrivateHosts: string[] };

/** What response mappings read as `response`. */
export type HttpResponse = { status: number; headers: Record<string, string>; body: JsonValue };

/** A failed call: `message` is readable by a flow author; `response` is there when the server answered. */
export class HttpCallError extends Error {
  constructor(
    message: string,
    readonly response?: HttpResponse,
  ) {
    super(message);
    this.name = 'HttpCallError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect leaves the origin, so credentials are not handed to another server. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** The URL without its query, which may carry credentials. */
const where = (url: URL) => `${url.protocol}//${url.host}${url.pathname}`;

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new HttpCallError(`"${text}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpCallError(`${where(url)}: only http and https URLs can be called`);
  }
  return url;
}

/** The addresses a connection to `url` may use: all of them for trusted hosts, public ones otherwise. */
function addressResolver(url: URL, input: HttpCallInput, lookup: RuntimeDeps['lookup']) {
  const trusted = isAllowedPrivateHost(url, input.allowedPrivateHosts);
  return async (host: string): Promise<string[]> => {
    const addresses = isIP(host) ? [host] : await lookup(host);
    if (trusted) return addresses;
    const allowed = addresses.filter((address) => blockedAddressReason(address) === null);
    const [blocked] = addresses.filter((address) => blockedAddressReason(address) !== null);
    if (allowed.length > 0) return allowed;
    const reason = blocked ? blockedAddressReason(blocked) : `"${host}" has no address`;
    throw new HttpCallError(
      `${where(url)}: refused to connect, ${reason}; add "${url.hostname}" to ` +
        'settings.http.allowedPrivateHosts if this server is yours',
    );
  };
}

function parseBody(raw: HttpTransportResponse): JsonValue {
  if (!/[/+]json\b/i.test(raw.headers['content-type'] ?? '')) return raw.body;
  try {
    return JSON.parse(raw.body) as JsonValue;
  } catch {
    return raw.body;
  }
}

function failureReason(error: unknown, url: URL, input: HttpCallInput, timeout: AbortSignal): string {
  if (timeout.aborted) return `${where(url)}: no answer within ${input.timeoutMs} ms`;
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return `${where(url)}: the response is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`;
  }
  if (code === 'ECONNREFUSED') return `${where(url)}: the server refused the connection`;
  if (code === 'ENOTFOUND') return `${where(url)}: the host "${url.hostname}" was not found`;
  return `${where(url)}: the request failed (${message ?? String(error)})`;
}

/**
 * Sends the request the way a flow may: http(s) only, no private addresses unless the flow trusts the host
 * (checked again at connect time and on every redirect), redirects followed by hand up to MAX_REDIRECTS,
 * one deadline for the whole exchange. Resolves for 2xx; anything else rejects with HttpCallError.
 */
export async function callHttp(
  input: HttpCallInput,
  deps: RuntimeDeps,
  stopped: AbortSignal,
): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = AbortSignal.any([stopped, timeout]);
  let url = parseUrl(input.url);
  let { method, body } = input;
  let headers = { ...input.headers };
  try {
    for (let redirects = 0; ; redirects++) {
      const resolve = addressResolver(url, input, deps.lookup);
      // Connections to an IP literal never ask `resolve`, so literals are checked here.
      const host = normaliseHost(url.hostname);
      if (isIP(host)) await resolve(host);
      const raw = await deps.http({
        method,
        url,
        headers,
        body,
        signal,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        resolve,
      });
      const location = REDIRECTS.has(raw.status) ? raw.headers.location : undefined;
      if (location === undefined) {
        const response = { status: raw.status, headers: raw.headers, body: parseBody(raw) };
        if (raw.status >= 200 && raw.status < 300) return response;
        const reason = `${where(url)}: the server answered ${raw.status} ${STATUS_CODES[raw.status] ?? ''}`;
        throw new HttpCallError(reason.trim(), response);
      }
      if (redirects >= MAX_REDIRECTS) {
        throw new HttpCallError(`${where(url)}: more than ${MAX_REDIRECTS} redirects`);
      }
      const next = parseUrl(location, url);
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name)),
        );
      }
      // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
      if (raw.status === 303 || (method === 'POST' && (raw.status === 301 || raw.status === 302))) {
        method = 'GET';
        body = undefined;
        const { 'content-type': _dropped, ...rest } = headers;
        headers = rest;
      }
      url = next;
    }
  } catch (error) {
    if (error instanceof HttpCallError) throw error;
    throw new HttpCallError(failureReason(error, url, input, timeout));
  }
}
