import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../../server/parley-server.ts';
import type { ProcedureName } from '../../services/auth/policy.ts';
import { procedureNames } from '../../services/auth/policy.ts';
import { freshSqlite } from '../../store/testing/test-databases.ts';
import { type ApiTestKit, liveFlow, PASSWORD, refusal, startApiKit, supportFlow } from './api-test-kit.ts';
import { callByName, takesInput } from './procedures-by-name.ts';

/*
 * What a client that sends something wrong gets back: a 4xx naming the field for an input that does
 * not fit, and never a 5xx, a stack trace or SQL for a request the transport cannot take.
 */

/** An input that does not fit, and the field its error must name. */
type BadInput = { input: unknown; field: string };

const FLOW = 'flow_missing';
const CONVERSATION = 'conv_missing';
const say = { type: 'user.message', text: 'hi' };

/** Every procedure: the bad inputs to try, or `null` when it takes no input. */
const badInputs: Record<ProcedureName, BadInput[] | null> = {
  'auth.signIn': [
    { input: { password: PASSWORD }, field: 'email' },
    { input: { email: 42, password: PASSWORD }, field: 'email' },
  ],
  'auth.signOut': null,
  'auth.me': null,

  'users.list': null,
  'users.create': [
    { input: { email: 'kj@example.com', name: 'K', role: 'boss', password: PASSWORD }, field: 'role' },
    { input: { email: 'kj@example.com', role: 'agent', password: PASSWORD }, field: 'name' },
  ],
  'users.update': [
    { input: { name: 'Dorothy' }, field: 'id' },
    { input: { id: 7, name: 'Dorothy' }, field: 'id' },
  ],
  'users.disable': [
    { input: {}, field: 'id' },
    { input: { id: null }, field: 'id' },
  ],
  'users.changePassword': [
    { input: { currentPassword: PASSWORD }, field: 'newPassword' },
    { input: { currentPassword: PASSWORD, newPassword: 123456789012345 }, field: 'newPassword' },
  ],

  'apiKeys.list': null,
  'apiKeys.create': [
    { input: { name: 'kiosk' }, field: 'scopes' },
    { input: { name: 'kiosk', scopes: { flowIds: 'all', environments: '*' } }, field: 'scopes.flowIds' },
  ],
  'apiKeys.revoke': [
    { input: {}, field: 'id' },
    { input: { id: 1 }, field: 'id' },
  ],

  'flows.list': null,
  'flows.get': [
    { input: {}, field: 'flowId' },
    { input: { flowId: 42 }, field: 'flowId' },
  ],
  'flows.export': [
    { input: {}, field: 'flowId' },
    { input: { flowId: ['a'] }, field: 'flowId' },
  ],
  'flows.create': [{ input: { name: 42 }, field: 'name' }],
  'flows.rename': [
    { input: { flowId: FLOW }, field: 'name' },
    { input: { flowId: FLOW, name: ['Support'] }, field: 'name' },
  ],
  'flows.delete': [
    { input: {}, field: 'flowId' },
    { input: { flowId: false }, field: 'flowId' },
  ],
  'flows.import': [
    { input: {}, field: 'flow' },
    { input: { flow: 'support.json' }, field: 'flow' },
  ],
  'flows.layout': [
    { input: {}, field: 'nodes' },
    {
      input: { nodes: [{ id: 'a', width: -1, height: 10, input: true, outputs: [] }], edges: [] },
      field: 'nodes[0].width',
    },
    { input: { nodes: [], edges: [{ source: 'a', target: 'b' }] }, field: 'edges[0].port' },
  ],
  'flows.saveDraft': [
    { input: { flowId: FLOW, draft: supportFlow() }, field: 'baseRevision' },
    { input: { flowId: FLOW, draft: supportFlow(), baseRevision: '3' }, field: 'baseRevision' },
    { input: { flowId: FLOW, baseRevision: 1 }, field: 'draft' },
  ],

  'versions.list': [{ input: {}, field: 'flowId' }],
  'versions.get': [
    { input: { flowId: FLOW }, field: 'versionNumber' },
    { input: { flowId: FLOW, versionNumber: 'latest' }, field: 'versionNumber' },
  ],
  'versions.diff': [
    { input: { flowId: FLOW, from: 1 }, field: 'to' },
    { input: { flowId: FLOW, from: 'v1', to: 2 }, field: 'from' },
  ],
  'versions.publish': [
    { input: { notes: 'first' }, field: 'flowId' },
    { input: { flowId: FLOW, notes: 5 }, field: 'notes' },
  ],

  'deployments.deploy': [
    { input: { flowId: FLOW, versionNumber: 1 }, field: 'environment' },
    { input: { flowId: FLOW, environment: 'production', versionNumber: '1' }, field: 'versionNumber' },
  ],
  'deployments.rollback': [
    { input: { flowId: FLOW }, field: 'environment' },
    { input: { flowId: FLOW, environment: 'production', toVersion: 'previous' }, field: 'toVersion' },
  ],
  'deployments.setTrafficSplit': [
    { input: { environment: 'production', versionNumber: 2, percent: 50 }, field: 'flowId' },
    { input: { flowId: FLOW, environment: 'production', versionNumber: 2, percent: '50' }, field: 'percent' },
  ],
  'deployments.deployPreview': [
    { input: { flowId: FLOW, environment: 'production' }, field: 'versionNumber' },
    { input: { flowId: FLOW, environment: 7, versionNumber: 2 }, field: 'environment' },
  ],
  'deployments.history': [
    { input: {}, field: 'flowId' },
    { input: { flowId: FLOW, limit: 'all' }, field: 'limit' },
  ],

  'conversations.start': [
    { input: { flowId: FLOW, environment: 'production', channel: 'web' }, field: 'address' },
    { input: { flowId: 1, environment: 'production', channel: 'web', address: 'a' }, field: 'flowId' },
  ],
  'conversations.send': [
    { input: { conversationId: CONVERSATION, event: say }, field: 'messageId' },
    {
      input: { conversationId: CONVERSATION, event: { type: 'user.message', text: 5 }, messageId: 'm1' },
      field: 'event.text',
    },
    {
      input: { event: say, messageId: 'm1', channel: 'web', address: 'a', flowId: FLOW },
      field: 'environment',
    },
  ],
  'conversations.reset': [
    { input: {}, field: 'conversationId' },
    { input: { conversationId: 5 }, field: 'conversationId' },
  ],
  'conversations.list': [
    { input: { limit: 'ten' }, field: 'limit' },
    { input: { status: 'open' }, field: 'status' },
  ],
  'conversations.get': [{ input: { conversationId: { id: 'c' } }, field: 'conversationId' }],
  'conversations.transcript': [{ input: {}, field: 'conversationId' }],

  'events.conversation': [
    { input: {}, field: 'conversationId' },
    { input: { conversationId: CONVERSATION, fromTurn: -1 }, field: 'fromTurn' },
  ],
  'events.flow': [{ input: { flowId: 3 }, field: 'flowId' }],

  'simulator.start': [
    { input: { flowId: FLOW }, field: 'channel' },
    { input: { flowId: FLOW, channel: 'web', flow: 'support.json' }, field: 'flow' },
    { input: { flowId: FLOW, channel: 'web', flow: supportFlow() }, field: 'flow.id' },
  ],
  'simulator.send': [
    {
      input: { flowId: FLOW, session: { channel: 'web', locale: 'en' }, event: say },
      field: 'session.snapshot',
    },
    {
      input: {
        flowId: FLOW,
        session: { snapshot: '{}', channel: 'web', locale: 'en' },
        event: { type: 'hi' },
      },
      field: 'event.type',
    },
    {
      input: {
        flowId: FLOW,
        session: { snapshot: '{}', channel: 'web', locale: 'en', turn: -1 },
        event: say,
      },
      field: 'session.turn',
    },
  ],

  'audit.list': [{ input: { limit: 'all' }, field: 'limit' }],
};

/** A response body must not show the server's insides: no stack frames, no SQL, no driver errors. */
function expectNothingInternal(text: string) {
  expect(text).not.toMatch(/"stack"|\bat \S+ \(|\.ts:\d+|node_modules/);
  expect(text).not.toMatch(/\b(select .* from|insert into|update \S+ set|delete from)\b/i);
  expect(text).not.toMatch(/sqlite|SQLITE_|postgres|drizzle|syntax error at/i);
}

describe('bad input over HTTP', () => {
  let kit: ApiTestKit;
  beforeAll(async () => {
    kit = await startApiKit(freshSqlite);
  });
  afterAll(() => kit?.close());

  it('lists exactly the procedures that take no input as such', () => {
    for (const name of procedureNames)
      expect([name, badInputs[name] !== null]).toEqual([name, takesInput(name)]);
  });

  const withInput = procedureNames.flatMap((name) =>
    (badInputs[name] ?? []).map((bad) => ({ name, ...bad, shown: JSON.stringify(bad.input) })),
  );

  it.each(withInput)('$name answers $shown with a 400 naming $field', async ({ name, input, field }) => {
    const error = await refusal(callByName(kit.untypedWith(kit.credentials.admin), name, input));
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    // `field: ...` at the start or after another issue, or as the part of a document that is wrong.
    expect(error.message).toMatch(new RegExp(`(^|[;:] )${field.replace(/[.[\]]/g, '\\$&')}: `));
    expectNothingInternal(JSON.stringify(error.shape));
  });

  describe('requests the transport cannot take', () => {
    type Raw = { status: number; text: string };

    async function raw(path: string, init: RequestInit = {}): Promise<Raw> {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${kit.credentials.admin}`);
      const response = await fetch(`${kit.trpcUrl}/${path}`, { ...init, headers });
      return { status: response.status, text: await response.text() };
    }
    const post = (path: string, body: string, contentType = 'application/json') =>
      raw(path, { method: 'POST', body, headers: { 'content-type': contentType } });

    /** A 4xx in the tRPC error envelope with `code`, and nothing internal. */
    function expectRefused(response: Raw, status: number, code: string) {
      expect(response.status).toBe(status);
      expect(JSON.parse(response.text)).toMatchObject({ error: { data: { code, httpStatus: status } } });
      expectNothingInternal(response.text);
    }

    it('answers malformed JSON with 400', async () => {
      const response = await post('flows.create', '{"name": "Support"');
      expectRefused(response, 400, 'BAD_REQUEST');
      expect(JSON.parse(response.text).error.message).toMatch(/^The request body is not valid JSON/);
      expectRefused(await raw('flows.get?input=%7Bnot-json'), 400, 'BAD_REQUEST');
    });

    it(`answers a body over the default limit (${DEFAULT_MAX_BODY_BYTES} bytes) with 413, and takes one just under it`, async () => {
      const over = JSON.stringify({ name: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) });
      const response = await post('flows.create', over);
      expectRefused(response, 413, 'PAYLOAD_TOO_LARGE');
      expect(JSON.parse(response.text).error.message).toBe(
        `The request body exceeds the limit of ${DEFAULT_MAX_BODY_BYTES} bytes`,
      );
      // Just under the limit the body is read, and the name is refused for its length instead.
      const under = JSON.stringify({ name: 'x'.repeat(DEFAULT_MAX_BODY_BYTES - 100) });
      const read = await post('flows.create', under);
      expectRefused(read, 400, 'BAD_REQUEST');
      expect(JSON.parse(read.text).error.message).toMatch(/^name: /);
    });

    it('answers an unknown procedure with 404', async () => {
      expectRefused(await raw('flows.launch'), 404, 'NOT_FOUND');
      expectRefused(await post('nothing.here', '{}'), 404, 'NOT_FOUND');
      // In a batch each call gets its own answer: the known one runs, the unknown one is not found.
      const batch = await raw('flows.list,flows.nope?batch=1');
      expect(batch.status).toBe(207);
      expect(JSON.parse(batch.text)).toMatchObject([
        { result: { data: expect.any(Array) } },
        { error: { data: { code: 'NOT_FOUND', httpStatus: 404 } } },
      ]);
      expectRefused(await raw(''), 404, 'NOT_FOUND');
    });

    it('answers a wrong HTTP method with 405 and others with a 4xx', async () => {
      expectRefused(await raw('flows.create'), 405, 'METHOD_NOT_SUPPORTED');
      expectRefused(await post('flows.list', ''), 405, 'METHOD_NOT_SUPPORTED');
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const response = await raw('flows.list', { method });
        expect(response.status, method).toBeGreaterThanOrEqual(400);
        expect(response.status, method).toBeLessThan(500);
        expectNothingInternal(response.text);
      }
    });

    it('answers a content type other than JSON with 415', async () => {
      expectRefused(
        await post('flows.create', 'name=Support', 'application/x-www-form-urlencoded'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectRefused(
        await post('flows.create', '{"name":"Support"}', 'text/plain'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      const multipart = await post(
        'flows.create',
        '--x\r\n\r\nname\r\n--x--',
        'multipart/form-data; boundary=x',
      );
      expectRefused(multipart, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers malformed batches with 400', async () => {
      // Inputs not keyed by call index: every call of the batch is refused.
      const unkeyed = await post('flows.create,flows.create?batch=1', '[1, 2]');
      expect(unkeyed.status).toBe(400);
      const refused = { error: { data: { code: 'BAD_REQUEST', httpStatus: 400 } } };
      expect(JSON.parse(unkeyed.text)).toMatchObject([refused, refused]);
      expectNothingInternal(unkeyed.text);
      expectRefused(await raw('flows.list,flows.create?batch=1'), 400, 'BAD_REQUEST');
    });

    it('refuses NUL characters, unpaired surrogates and deep nesting with 400 naming where', async () => {
      const flowId = await liveFlow(kit);
      const { draft, revision } = await kit.services.flows.get(flowId);
      // A node's data is free-form in a draft: nesting deep inside it used to overflow the stack (500).
      const deepNode = JSON.stringify({
        ...draft,
        nodes: [{ ...draft.nodes[0], data: { extra: '@' } }],
      }).replace('"@"', `${'['.repeat(5000)}${']'.repeat(5000)}`);
      const cases: [string, string, RegExp][] = [
        ['flows.create', '{"name": "Support\\u0000"}', /^name: contains a NUL character/],
        [
          'flows.rename',
          `{"flowId": "${flowId}", "name": "\\ud800"}`,
          /^name: contains .* unpaired UTF-16 surrogate/,
        ],
        [
          'conversations.send',
          '{"conversationId": "c", "messageId": "m", "event": {"type": "user.message", "text": "a\\u0000"}}',
          /^event\.text: contains a NUL/,
        ],
        [
          'apiKeys.create',
          '{"name": "k", "scopes": {"flowIds": ["\\udc00"], "environments": "*"}}',
          /^scopes\.flowIds\[0\]: /,
        ],
        ['flows.import', '{"flow": {"a\\u0000": 1}}', /^flow: has a key with a NUL/],
        [
          'flows.saveDraft',
          `{"flowId": "${flowId}", "baseRevision": ${revision}, "draft": ${deepNode}}`,
          /^draft\.nodes\[0\]\.data\.extra(\[0\])+: nested more than 64 levels deep$/,
        ],
      ];
      for (const [path, body, message] of cases) {
        const response = await post(path, body);
        expectRefused(response, 400, 'BAD_REQUEST');
        expect(JSON.parse(response.text).error.message).toMatch(message);
      }
      // Nothing was stored.
      expect((await kit.services.flows.get(flowId)).revision).toBe(revision);
    });

    it('never answers odd inputs with a 5xx', async () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const odd: [string, string][] = [
        ['flows.create', 'null'],
        ['flows.create', '"Support"'],
        ['flows.create', '[]'],
        ['flows.import', `{"flow": ${deep}}`],
        ['conversations.send', `{"event": ${deep}, "messageId": "m"}`],
        ['flows.create', '{"__proto__": {"name": "x"}}'],
        [
          'versions.publish',
          '{"flowId": "flow_missing", "notes": "x", "extra": {"nested": [1, {"b": null}]}}',
        ],
      ];
      for (const [path, body] of odd) {
        const response = await post(path, body);
        expect([path, body.slice(0, 40), response.status < 500]).toEqual([path, body.slice(0, 40), true]);
        expectNothingInternal(response.text);
      }
    });
  });
});
