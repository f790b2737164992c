import { compileFlow, hasErrors, nodeKinds, validateFlow } from '@parley/nodes';
import type { RuntimeDeps } from '@parley/nodes/runtime';
import { loadVersion, startConversation, turn } from '@parley/runtime';
import type { FlowDocument, JsonValue } from '@parley/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrderApi, startOrderApi } from '../order-api/order-api.ts';
import { readExampleFlow } from './transcript.ts';

/** Mutations a careless author (or a buggy editor) could make to a flow document. */
type Mutation =
  | { op: 'remove-node'; node: number }
  | { op: 'remove-edge'; edge: number }
  | { op: 'retarget-edge'; edge: number; node: number }
  | { op: 'rename-port'; edge: number; port: string }
  | { op: 'add-edge'; from: number; port: string; to: number }
  | { op: 'change-kind'; node: number; kind: string }
  | { op: 'set-field'; node: number; field: number; value: JsonValue }
  | { op: 'set-text'; node: number; field: number; text: string }
  | { op: 'duplicate-node'; node: number }
  | { op: 'remove-variable'; variable: number };

const expressionish = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('true', 'x ==', '{{ orderId }}', 'size(email) > 3', '{{ missing }}', 'status == "shipped"'),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('remove-node' as const), node: fc.nat() }),
  fc.record({ op: fc.constant('remove-edge' as const), edge: fc.nat() }),
  fc.record({ op: fc.constant('retarget-edge' as const), edge: fc.nat(), node: fc.nat() }),
  fc.record({
    op: fc.constant('rename-port' as const),
    edge: fc.nat(),
    port: fc.constantFrom('next', 'else', 'error', 'success', 'invalid', 'no-match', 'bogus'),
  }),
  fc.record({
    op: fc.constant('add-edge' as const),
    from: fc.nat(),
    port: fc.constantFrom('next', 'else', 'error', 'success', 'invalid'),
    to: fc.nat(),
  }),
  fc.record({
    op: fc.constant('change-kind' as const),
    node: fc.nat(),
    kind: fc.constantFrom(...nodeKinds, 'bogus'),
  }),
  fc.record({
    op: fc.constant('set-field' as const),
    node: fc.nat(),
    field: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
  }),
  fc.record({ op: fc.constant('set-text' as const), node: fc.nat(), field: fc.nat(), text: expressionish }),
  fc.record({ op: fc.constant('duplicate-node' as const), node: fc.nat() }),
  fc.record({ op: fc.constant('remove-variable' as const), variable: fc.nat() }),
);

function pick<T>(items: T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function apply(flow: FlowDocument, m: Mutation): void {
  const node = 'node' in m ? pick(flow.nodes, m.node) : undefined;
  switch (m.op) {
    case 'remove-node':
      flow.nodes = flow.nodes.filter((n) => n !== node);
      break;
    case 'remove-edge':
      flow.edges.splice(m.edge % Math.max(1, flow.edges.length), 1);
      break;
    case 'retarget-edge': {
      const edge = pick(flow.edges, m.edge);
      if (edge && node) edge.target = node.id;
      break;
    }
    case 'rename-port': {
      const edge = pick(flow.edges, m.edge);
      if (edge) edge.sourcePort = m.port;
      break;
    }
    case 'add-edge': {
      const from = pick(flow.nodes, m.from);
      const to = pick(flow.nodes, m.to);
      if (from && to)
        flow.edges.push({
          id: `added${flow.edges.length}`,
          source: from.id,
          sourcePort: m.port,
          target: to.id,
        });
      break;
    }
    case 'change-kind':
      if (node) node.type = m.kind;
      break;
    case 'set-field':
    case 'set-text': {
      const key = node && pick(Object.keys(node.data), m.field);
      if (node && key) node.data[key] = m.op === 'set-field' ? m.value : m.text;
      break;
    }
    case 'duplicate-node':
      if (node) flow.nodes.push(structuredClone(node));
      break;
    case 'remove-variable':
      flow.variables.splice(m.variable % Math.max(1, flow.variables.length), 1);
      break;
  }
}

describe('mutated example flows', () => {
  let api: OrderApi;
  let deps: Partial<RuntimeDeps>;
  const examples: FlowDocument[] = [];

  beforeAll(async () => {
    api = await startOrderApi({ port: 0 });
    const { undiciTransport } = await import('../../nodes/src/http-request/undici-transport.ts');
    // The network is the example API and nothing else, whatever URL a mutation writes.
    deps = {
      lookup: async (host) => {
        throw Object.assign(new Error(`no DNS in this test (${host})`), { code: 'ENOTFOUND' });
      },
      http: async (request) => {
        if (request.url.origin !== new URL(api.url).origin)
          throw new Error(`network disabled: ${request.url}`);
        return undiciTransport(request);
      },
    };
    for (const name of ['order-status', 'password-reset']) {
      const flow = await readExampleFlow(name);
      for (const v of flow.variables) if (v.name === 'orderApiUrl') v.initial = api.url;
      examples.push(flow);
    }
  });
  afterAll(() => api.close());

  it('never make validation throw; every flow it passes compiles, loads and runs a turn', async () => {
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('AB-1001', '2', 'hello', 'reset', '/', 'ada@example.com'),
        async (which, mutations, reply) => {
          const flow = structuredClone(pick(examples, which)!);
          for (const m of mutations) apply(flow, m);
          const diagnostics = validateFlow(flow);
          expect(Array.isArray(diagnostics)).toBe(true);
          if (hasErrors(diagnostics)) return;
          passed++;
          const version = loadVersion({ flow, machine: compileFlow(flow) }, deps);
          const first = await startConversation(version, { channel: 'web' });
          if (first.conversation.status === 'active') {
            await turn(first.conversation, { type: 'user.message', text: reply });
          }
        },
      ),
      { numRuns: 1_000, seed: 20261122 },
    );
    // Some mutations must leave a valid flow, or the second half of the property was never exercised.
    expect(passed).toBeGreaterThan(50);
  }, 120_000);
});
