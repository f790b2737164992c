import { lookup as dnsLookup } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeDeps } from '../machine/implementation-helpers.ts';
import { callOnce, type HttpSettings, httpFlow } from './http-fixtures.ts';
import { sendJson, startTestServer, type TestServer } from './test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    '/hello': (_req, res) => sendJson(res, 200, { greeting: 'hello' }),
    '/secret': (_req, res) => sendJson(res, 200, { secret: 'internal data' }),
    '/to-localhost': (_req, res) => {
      res.writeHead(302, { location: `http://localhost:${server.port}/secret` });
      res.end();
    },
    '/to-metadata': (_req, res) => {
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    },
  });
});
afterAll(() => server.close());

/** DNS as tests want it: made-up names resolve to chosen addresses, everything else as the system does. */
function fakeDns(names: Record<string, string[]>): RuntimeDeps['lookup'] {
  return async (host) => names[host] ?? (await dnsLookup(host, { all: true })).map((a) => a.address);
}

async function call(url: string, http: HttpSettings = {}, deps: Partial<RuntimeDeps> = {}) {
  return callOnce(
    httpFlow({ url, responseMapping: [{ variable: 'detail', expression: 'response.body' }] }, http),
    deps,
  );
}

const refusal = (where: string, why: string, host: string) =>
  `${where}: refused to connect, ${why}; add "${host}" to settings.http.allowedPrivateHosts if this server is yours`;

describe('http-request SSRF protection', () => {
  it('reaches a private host the flow allows', async () => {
    const { port, vars } = await call(`${server.origin}/hello`, { allowedPrivateHosts: ['127.0.0.1'] });
    expect(port).toBe('success');
    expect(vars.detail).toEqual({ greeting: 'hello' });
  });

  it('reaches an allowed host name that resolves to a private address', async () => {
    const deps = { lookup: fakeDns({ 'orders.internal': ['127.0.0.1'] }) };
    const url = `http://orders.internal:${server.port}/hello`;
    const { port } = await call(url, { allowedPrivateHosts: ['orders.internal'] }, deps);
    expect(port).toBe('success');
  });

  it('refuses 127.0.0.1 when the flow does not allow it, without connecting', async () => {
    const before = server.received.length;
    const { port, vars } = await call(`${server.origin}/secret`, { allowedPrivateHosts: [] });
    expect(port).toBe('error');
    expect(vars.failure).toBe(
      refusal(`${server.origin}/secret`, '127.0.0.1 is a loopback address', '127.0.0.1'),
    );
    const decimal = await call(`http://2130706433:${server.port}/secret`, { allowedPrivateHosts: [] });
    expect(decimal.vars.failure).toBe(
      refusal(`${server.origin}/secret`, '127.0.0.1 is a loopback address', '127.0.0.1'),
    );
    expect(server.received.length).toBe(before);
  });

  it('refuses localhost although 127.0.0.1 is allowed: the allowance is for the host as written', async () => {
    const before = server.received.length;
    const { port, vars } = await call(`http://localhost:${server.port}/secret`);
    expect(port).toBe('error');
    expect(vars.failure).toMatch(
      /^http:\/\/localhost:\d+\/secret: refused to connect, (127\.0\.0\.1|::1) is a loopback address/,
    );
    expect(server.received.length).toBe(before);
  });

  it.each([
    ['http://10.0.0.1/admin', '10.0.0.1 is a private address', '10.0.0.1'],
    ['http://192.168.1.1/', '192.168.1.1 is a private address', '192.168.1.1'],
    [
      'http://169.254.169.254/latest/meta-data/',
      '169.254.169.254 is a link-local address',
      '169.254.169.254',
    ],
    ['http://100.64.0.1/', '100.64.0.1 is a carrier-grade NAT address', '100.64.0.1'],
    ['http://0.0.0.0/', '0.0.0.0 is an unspecified address', '0.0.0.0'],
    ['http://224.0.0.1/', '224.0.0.1 is a multicast address', '224.0.0.1'],
    ['http://[::1]/', '::1 is a loopback address', '[::1]'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is a loopback address', '[::ffff:7f00:1]'],
    ['http://[::ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe is a link-local address', '[::ffff:a9fe:a9fe]'],
    ['http://[fd00::1]/', 'fd00::1 is a unique-local address', '[fd00::1]'],
    ['http://[fe80::1]/', 'fe80::1 is a link-local address', '[fe80::1]'],
    ['http://[::]/', ':: is an unspecified address', '[::]'],
  ])('refuses %s', async (url, why, host) => {
    const { port, vars } = await call(url);
    expect(port).toBe('error');
    expect(vars.failure).toBe(refusal(new URL(url).href.replace(/\?.*$/, ''), why, host));
  });

  it('refuses a redirect from an allowed host to a private one, never reaching it', async () => {
    const before = server.received.filter((r) => r.path === '/secret').length;
    const { port, vars } = await call(`${server.origin}/to-localhost`);
    expect(port).toBe('error');
    expect(vars.failure).toMatch(/^http:\/\/localhost:\d+\/secret: refused to connect/);
    expect(server.received.filter((r) => r.path === '/secret').length).toBe(before);

    const metadata = await call(`${server.origin}/to-metadata`);
    expect(metadata.vars.failure).toBe(
      refusal(
        'http://169.254.169.254/latest/meta-data/',
        '169.254.169.254 is a link-local address',
        '169.254.169.254',
      ),
    );
  });

  it('refuses a host name that resolves to a private address, checked when connecting', async () => {
    const before = server.received.length;
    // The name resolves to the very server this test runs: only the connect-time check stands between.
    const deps = { lookup: fakeDns({ 'innocent.example': ['127.0.0.1'], 'intranet.example': ['10.1.2.3'] }) };
    const sneaky = await call(`http://innocent.example:${server.port}/secret`, {}, deps);
    expect(sneaky.port).toBe('error');
    expect(sneaky.vars.failure).toBe(
      refusal(
        `http://innocent.example:${server.port}/secret`,
        '127.0.0.1 is a loopback address',
        'innocent.example',
      ),
    );
    expect(server.received.length).toBe(before);

    const intranet = await call('http://intranet.example/', {}, deps);
    expect(intranet.vars.failure).toBe(
      refusal('http://intranet.example/', '10.1.2.3 is a private address', 'intranet.example'),
    );
  });
});
