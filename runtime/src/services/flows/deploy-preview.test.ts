import { type FlowDocument, flowDocumentSchema } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { nodeImpacts } from './deploy-preview.ts';
import { ada, expectRefused, flowService, helpdeskFlow, insertPeople, NOON } from './flow-fixtures.ts';

const base = (): FlowDocument => structuredClone(flowDocumentSchema.parse(helpdeskFlow()));

describe('nodeImpacts', () => {
  it('counts a node as changed when its config, type or outgoing edges change, not when it only moves', () => {
    const after = base();
    after.nodes = after.nodes.filter((n) => n.id !== 'done');
    for (const node of after.nodes) {
      if (node.id === 'start') node.position = { x: 99, y: 99 };
      if (node.id === 'greet') node.data = { messages: [{ type: 'text', text: 'Hey' }] };
    }
    after.edges = after.edges.map((e) => (e.id === 'help-next' ? { ...e, target: 'greet' } : e));
    expect(Object.fromEntries(nodeImpacts(base(), after))).toEqual({
      greet: 'changed',
      help: 'changed',
      done: 'removed',
    });
  });
});

describe.each(testDatabases)('deploy preview on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
    await insertPeople(database);
  });
  afterAll(() => handle.drop());

  let conversationCount = 0;
  async function waiting(
    flowId: string,
    environment: string,
    versionNumber: number,
    node: string | null,
    count: number,
    status: 'active' | 'ended' = 'active',
  ) {
    const { service } = flowService(database);
    const version = await service.getVersion(flowId, versionNumber);
    const rows = Array.from({ length: count }, () => ({
      id: `conv_preview_${conversationCount++}`,
      flowId,
      environment,
      versionId: version.id,
      channel: 'web',
      address: `visitor-${conversationCount}`,
      locale: 'en',
      status,
      snapshot: '{}',
      node,
      resolution: null,
      turns: 1,
      createdAt: NOON,
      updatedAt: NOON,
      expiresAt: NOON + 3_600_000,
    }));
    await database.transaction(async (tx) => {
      await tx.insert(database.tables.conversations).values(rows);
    });
  }

  /** Versions 1..3: v2 rewords the greeting; v3 also drops "help" (greet leads straight to done). */
  async function threeVersions() {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    await service.publish(ada, flow.id);
    const v2 = structuredClone(flow.draft);
    v2.nodes = v2.nodes.map((n) =>
      n.id === 'greet' ? { ...n, data: { messages: [{ type: 'text', text: 'Hi there' }] } } : n,
    );
    await service.saveDraft(ada, { flowId: flow.id, draft: v2, baseRevision: 1 });
    await service.publish(ada, flow.id);
    const v3 = structuredClone(v2);
    v3.nodes = v3.nodes.filter((n) => n.id !== 'help');
    v3.edges = [
      { id: 'start-next', source: 'start', sourcePort: 'next', target: 'greet' },
      { id: 'greet-next', source: 'greet', sourcePort: 'next', target: 'done' },
    ];
    await service.saveDraft(ada, { flowId: flow.id, draft: v3, baseRevision: 2 });
    await service.publish(ada, flow.id);
    return { service, flowId: flow.id };
  }

  it('counts the live conversations in nodes the new version changes or removes', async () => {
    const { service, flowId } = await threeVersions();
    await service.deploy(ada, flowId, 'production', 1);
    await waiting(flowId, 'production', 1, 'greet', 3);
    await waiting(flowId, 'production', 1, 'help', 2);
    await waiting(flowId, 'production', 1, 'done', 4);
    await waiting(flowId, 'production', 1, null, 1);
    // Not live in production: ended, another environment, an older version elsewhere.
    await waiting(flowId, 'production', 1, 'greet', 5, 'ended');
    await waiting(flowId, 'staging', 1, 'greet', 6);

    expect(await service.deployPreview(flowId, 'production', 2)).toEqual({
      current: 1,
      split: null,
      target: 2,
      affected: [{ nodeId: 'greet', change: 'changed', conversations: 3 }],
      unaffected: 7,
    });
    expect(await service.deployPreview(flowId, 'production', 3)).toEqual({
      current: 1,
      split: null,
      target: 3,
      affected: [
        { nodeId: 'greet', change: 'changed', conversations: 3 },
        { nodeId: 'help', change: 'removed', conversations: 2 },
      ],
      unaffected: 5,
    });
    expect(await service.deployPreview(flowId, 'production', 1)).toMatchObject({
      affected: [],
      unaffected: 10,
    });
  });

  it('includes the conversations on a split version, judged against their own version', async () => {
    const { service, flowId } = await threeVersions();
    await service.deploy(ada, flowId, 'production', 1);
    await service.setTrafficSplit(ada, flowId, 'production', { versionNumber: 2, percent: 20 });
    await waiting(flowId, 'production', 1, 'greet', 2);
    await waiting(flowId, 'production', 2, 'greet', 3);
    await waiting(flowId, 'production', 2, 'help', 1);

    // Version 2's greeting is version 2's: only the main version's greet conversations see a change.
    expect(await service.deployPreview(flowId, 'production', 2)).toEqual({
      current: 1,
      split: 2,
      target: 2,
      affected: [{ nodeId: 'greet', change: 'changed', conversations: 2 }],
      unaffected: 4,
    });
    expect(await service.deployPreview(flowId, 'production', 3)).toEqual({
      current: 1,
      split: 2,
      target: 3,
      affected: [
        { nodeId: 'help', change: 'removed', conversations: 1 },
        { nodeId: 'greet', change: 'changed', conversations: 2 + 3 },
      ].sort((a, b) => b.conversations - a.conversations),
      unaffected: 0,
    });
  });

  it('shows nothing live before the first deployment and refuses unknown versions', async () => {
    const { service, flowId } = await threeVersions();
    expect(await service.deployPreview(flowId, 'staging', 1)).toEqual({
      current: null,
      split: null,
      target: 1,
      affected: [],
      unaffected: 0,
    });
    await expectRefused(
      database,
      () => service.deployPreview(flowId, 'staging', 4),
      'NOT_FOUND',
      /no version 4/,
    );
  });
});
