import { compileFlow } from '@parley/nodes';
import { flowDocumentSchema } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { flowChecksum } from './checksum.ts';
import { ada, expectRefused, flowService, grace, helpdeskFlow, insertPeople, NOON } from './flow-fixtures.ts';

describe.each(testDatabases)('publishing on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
    await insertPeople(database);
  });
  afterAll(() => handle.drop());

  it('stores the draft as version 1 with its machine, checksum, notes, author and time', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    const { version, warnings } = await service.publish(grace, flow.id, { notes: '  First release ' });
    expect(warnings).toEqual([]);
    expect(version).toMatchObject({
      number: 1,
      notes: 'First release',
      authorId: grace.id,
      authorName: 'Grace Hopper',
      createdAt: NOON,
      checksum: flowChecksum(flow.draft),
    });
    expect(version.checksum).toMatch(/^[0-9a-f]{64}$/);
    const stored = await service.getVersion(flow.id, 1);
    expect(stored.flow).toEqual(flow.draft);
    expect(stored.machine).toEqual(compileFlow(flow.draft));
    expect(stored.artifacts).toEqual({});
    expect(await service.versions(flow.id)).toEqual([version]);
  });

  it('lists whether the draft changed since the latest version', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    const listed = async () => (await service.list()).find((f) => f.id === flow.id);
    expect(await listed()).toMatchObject({ latestVersion: null, draftChanged: true });
    await service.publish(ada, flow.id);
    expect(await listed()).toMatchObject({ latestVersion: 1, draftChanged: false });
    const draft = flowDocumentSchema.parse({ ...flow.draft, description: 'edited after v1' });
    await service.saveDraft(ada, { flowId: flow.id, draft, baseRevision: 1 });
    expect(await listed()).toMatchObject({ latestVersion: 1, draftChanged: true });
    await service.publish(ada, flow.id);
    expect(await listed()).toMatchObject({ latestVersion: 2, draftChanged: false });
  });

  it('numbers versions per flow and never changes a published one', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    const other = await service.importFlow(ada, { flow: helpdeskFlow() });
    await service.publish(ada, flow.id);
    const draft = flowDocumentSchema.parse({ ...flow.draft, description: 'changed after publishing' });
    await service.saveDraft(ada, { flowId: flow.id, draft, baseRevision: 1 });
    const second = await service.publish(ada, flow.id);
    expect(second.version.number).toBe(2);
    expect((await service.publish(ada, other.id)).version.number).toBe(1);
    expect((await service.getVersion(flow.id, 1)).flow.description).toBeUndefined();
    expect((await service.getVersion(flow.id, 2)).flow.description).toBe('changed after publishing');
    expect((await service.versions(flow.id)).map((v) => v.number)).toEqual([2, 1]);
    await expectRefused(
      database,
      () => service.getVersion(flow.id, 3),
      'NOT_FOUND',
      /has no version 3: its latest version is 2/,
    );
  });

  it('returns validation warnings and stores them with the version', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, {
      flow: helpdeskFlow({ variables: [{ name: 'topic', initial: 'orders' }, { name: 'unused' }] }),
    });
    const { version, warnings } = await service.publish(ada, flow.id);
    expect(warnings).toEqual([expect.objectContaining({ code: 'unused-variable', severity: 'warning' })]);
    expect(version.warnings).toEqual(warnings);
  });

  it('refuses a draft with errors, listing the diagnostics, and stores nothing', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, {
      flow: helpdeskFlow({ nodes: helpdeskFlow().nodes?.filter((n) => n.id !== 'done') }),
    });
    const error = await expectRefused(
      database,
      () => service.publish(ada, flow.id),
      'PRECONDITION_FAILED',
      /cannot be published until its draft is fixed: 1 error: /,
    );
    expect(error.details.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'dangling-edge', edgeId: 'help-next' }),
    ]);
  });

  it('publishes an unchanged draft with a warning', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    await service.publish(ada, flow.id);
    const again = await service.publish(ada, flow.id);
    expect(again.version.number).toBe(2);
    expect(again.warnings).toEqual([
      expect.objectContaining({
        code: 'unchanged-version',
        message: expect.stringMatching(/same as version 1/),
      }),
    ]);
  });

  it('numbers two publishes fired at once 1 and 2', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    const results = await Promise.all([service.publish(ada, flow.id), service.publish(grace, flow.id)]);
    expect(results.map((r) => r.version.number).sort()).toEqual([1, 2]);
    expect((await service.versions(flow.id)).map((v) => v.number)).toEqual([2, 1]);
  });

  it('stores what the build steps produce with the version', async () => {
    const intentCount = {
      name: 'intents',
      run: async (flow: { intents: unknown[] }) => ({ count: flow.intents.length }),
    };
    const { service } = flowService(database, [intentCount]);
    const flow = await service.importFlow(ada, {
      flow: helpdeskFlow({ intents: [{ name: 'refund', phrases: { en: ['I want my money back'] } }] }),
    });
    await service.publish(ada, flow.id);
    expect((await service.getVersion(flow.id, 1)).artifacts).toEqual({ intents: { count: 1 } });
  });

  it('refuses to publish when a build step fails, storing nothing', async () => {
    const failing = {
      name: 'nlu',
      run: async () => Promise.reject(new Error('no training phrases for "refund"')),
    };
    const { service } = flowService(database, [failing]);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    await expectRefused(
      database,
      () => service.publish(ada, flow.id),
      'PRECONDITION_FAILED',
      /build step "nlu" failed: no training phrases for "refund"/,
    );
  });

  it('refuses to publish a deleted flow', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    await service.remove(ada, flow.id);
    await expectRefused(database, () => service.publish(ada, flow.id), 'NOT_FOUND');
  });
});
