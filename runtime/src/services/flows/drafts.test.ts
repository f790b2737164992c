import { validateFlow } from '@parley/nodes';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { ada, expectRefused, flowService, grace, helpdeskFlow, insertPeople, NOON } from './flow-fixtures.ts';

describe.each(testDatabases)('flows and drafts on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
    await insertPeople(database);
  });
  afterAll(() => handle.drop());

  const auditActions = async (flowId: string) =>
    (
      await database.db
        .select()
        .from(database.tables.auditLog)
        .where(eq(database.tables.auditLog.targetId, flowId))
    )
      .map((a) => a.action)
      .sort();

  it('creates a flow from a name with a generated id and a draft that validates', async () => {
    const { service } = flowService(database);
    const flow = await service.create(ada, { name: 'Returns' });
    expect(flow.id).toMatch(/^flow_[0-9a-f]{32}$/);
    expect(flow).toMatchObject({
      name: 'Returns',
      revision: 1,
      updatedBy: ada.id,
      updatedByName: 'Ada Lovelace',
    });
    expect(flow.draft).toMatchObject({ id: flow.id, name: 'Returns' });
    expect(flow.draft.nodes.map((n) => n.type)).toContain('start');
    expect(validateFlow(flow.draft)).toEqual([]);
    expect(await auditActions(flow.id)).toEqual(['flow.create']);
  });

  it('imports a flow document under a new id, keeping its content', async () => {
    const { service } = flowService(database);
    const first = await service.importFlow(ada, { flow: helpdeskFlow() });
    const second = await service.create(ada, { flow: helpdeskFlow(), name: 'Helpdesk copy' });
    expect(first.id).not.toBe(second.id);
    expect(first.draft.id).toBe(first.id);
    expect(first.name).toBe('Helpdesk');
    expect(second.name).toBe('Helpdesk copy');
    expect(first.draft.nodes.map((n) => n.id)).toEqual(['start', 'greet', 'help', 'done']);
    expect(await service.exportFlow(first.id)).toEqual(first.draft);
  });

  it('refuses to import what is not a flow document, naming the path', async () => {
    const { service } = flowService(database);
    const broken = helpdeskFlow({ nodes: [{ id: '1st node', type: 'start', data: {} }] });
    const error = await expectRefused(
      database,
      () => service.importFlow(ada, { flow: broken }),
      'BAD_REQUEST',
      /nodes\.0\.id/,
    );
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'nodes.0.id' })]);
    await expectRefused(
      database,
      () => service.importFlow(ada, { flow: 'hello' }),
      'BAD_REQUEST',
      /flow: Invalid input: expected object, received string/,
    );
    await expectRefused(database, () => service.create(ada, {}), 'BAD_REQUEST', /give a name or a flow/);
  });

  it('lists flows that are not deleted with revision, author, versions and what is live', async () => {
    const { service } = flowService(database);
    const listed = await service.importFlow(grace, { flow: helpdeskFlow({ name: 'Listed' }) });
    const before = (await service.list()).find((f) => f.id === listed.id);
    expect(before).toMatchObject({
      name: 'Listed',
      revision: 1,
      updatedBy: grace.id,
      updatedByName: 'Grace Hopper',
      latestVersion: null,
      live: { development: null, staging: null, production: null },
    });
    await service.publish(ada, listed.id, { notes: 'first' });
    await service.publish(ada, listed.id, { notes: 'again' });
    await service.deploy(ada, listed.id, 'production', 1);
    await service.deploy(ada, listed.id, 'eu-west', 2);
    await service.setTrafficSplit(ada, listed.id, 'production', { versionNumber: 2, percent: 10 });
    const after = (await service.list()).find((f) => f.id === listed.id);
    expect(after?.latestVersion).toBe(2);
    expect(after?.live).toEqual({
      development: null,
      staging: null,
      production: { versionNumber: 1, split: { versionNumber: 2, percent: 10 } },
      'eu-west': { versionNumber: 2, split: null },
    });
  });

  it('renames a flow, its draft name included, as a new revision', async () => {
    const { service } = flowService(database);
    const flow = await service.create(ada, { name: 'Old name' });
    const renamed = await service.rename(grace, flow.id, '  New name ');
    expect(renamed).toMatchObject({ name: 'New name', revision: 2, updatedByName: 'Grace Hopper' });
    expect(renamed.draft.name).toBe('New name');
    await expectRefused(
      database,
      () => service.rename(ada, flow.id, ' '),
      'BAD_REQUEST',
      /name: a flow name is required/,
    );
  });

  it('soft-deletes a flow: gone from list and get, its conversations untouched', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    await service.publish(ada, flow.id);
    const version = await service.getVersion(flow.id, 1);
    const conversation = {
      id: `conv_${flow.id}`,
      flowId: flow.id,
      environment: 'production',
      versionId: version.id,
      channel: 'web',
      address: 'visitor-1',
      locale: 'en',
      status: 'active' as const,
      snapshot: JSON.stringify({ value: 'greet' }),
      node: 'greet',
      resolution: null,
      turns: 1,
      createdAt: NOON,
      updatedAt: NOON,
      expiresAt: NOON + 3_600_000,
    };
    await database.transaction(async (tx) => {
      await tx.insert(database.tables.conversations).values(conversation);
    });

    await service.remove(ada, flow.id);
    expect((await service.list()).map((f) => f.id)).not.toContain(flow.id);
    await expectRefused(
      database,
      () => service.get(flow.id),
      'NOT_FOUND',
      new RegExp(`no flow "${flow.id}"`),
    );
    await expectRefused(database, () => service.remove(ada, flow.id), 'NOT_FOUND');
    await expectRefused(database, () => service.exportFlow(flow.id), 'NOT_FOUND');
    const conversations = await database.db
      .select()
      .from(database.tables.conversations)
      .where(eq(database.tables.conversations.flowId, flow.id));
    expect(conversations).toEqual([conversation]);
    expect(await auditActions(flow.id)).toEqual(['flow.delete', 'flow.import', 'flow.publish']);
  });

  it('saves a draft on the latest revision and returns its diagnostics, errors allowed', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    const draft = { ...flow.draft, nodes: flow.draft.nodes.filter((n) => n.id !== 'done') };
    const saved = await service.saveDraft(grace, { flowId: flow.id, draft, baseRevision: 1 });
    expect(saved.revision).toBe(2);
    expect(saved.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'dangling-edge', severity: 'error' }),
    );
    const reloaded = await service.get(flow.id);
    expect(reloaded).toMatchObject({ revision: 2, updatedByName: 'Grace Hopper' });
    expect(reloaded.draft.nodes.map((n) => n.id)).toEqual(['start', 'greet', 'help']);
  });

  it('refuses a stale save naming who saved last and when, changing nothing', async () => {
    const { service, clock } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    clock.time = NOON;
    await service.saveDraft(ada, { flowId: flow.id, draft: flow.draft, baseRevision: 1 });
    clock.time = NOON + 60_000;
    const error = await expectRefused(
      database,
      () =>
        service.saveDraft(grace, {
          flowId: flow.id,
          draft: { ...flow.draft, name: 'Mine' },
          baseRevision: 1,
        }),
      'CONFLICT',
    );
    expect(error.message).toBe(
      'the draft was changed by Ada Lovelace at 2024-05-01 12:03 UTC (revision 2, this edit started from revision 1); reload it or overwrite',
    );
    expect(error.details).toEqual({
      revision: 2,
      updatedBy: ada.id,
      updatedByName: 'Ada Lovelace',
      updatedAt: NOON,
    });
  });

  it('refuses a draft that is not a flow document or belongs to another flow', async () => {
    const { service } = flowService(database);
    const flow = await service.create(ada, { name: 'Strict' });
    await expectRefused(
      database,
      () =>
        service.saveDraft(ada, { flowId: flow.id, draft: { ...flow.draft, nodes: 'none' }, baseRevision: 1 }),
      'BAD_REQUEST',
      /nodes: /,
    );
    await expectRefused(
      database,
      () =>
        service.saveDraft(ada, { flowId: flow.id, draft: { ...flow.draft, id: 'other' }, baseRevision: 1 }),
      'BAD_REQUEST',
      /"other" is not this flow's id/,
    );
    await expectRefused(
      database,
      () =>
        service.saveDraft(ada, {
          flowId: 'flow_missing',
          draft: { ...flow.draft, id: 'flow_missing' },
          baseRevision: 1,
        }),
      'NOT_FOUND',
    );
  });

  it('lets exactly one of two saves on the same base revision win', async () => {
    const { service } = flowService(database);
    const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
    const results = await Promise.allSettled([
      service.saveDraft(ada, { flowId: flow.id, draft: { ...flow.draft, name: 'By Ada' }, baseRevision: 1 }),
      service.saveDraft(grace, {
        flowId: flow.id,
        draft: { ...flow.draft, name: 'By Grace' },
        baseRevision: 1,
      }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const stored = await service.get(flow.id);
    expect(stored.revision).toBe(2);
    expect(stored.name).toBe(stored.updatedBy === ada.id ? 'By Ada' : 'By Grace');
    expect(await auditActions(flow.id)).toEqual(['flow.import', 'flow.save-draft']);
  });

  it('refuses an API key acting on a flow outside its scope', async () => {
    const { service } = flowService(database);
    const flow = await service.create(ada, { name: 'Scoped' });
    const key = {
      type: 'api-key' as const,
      id: 'key_web',
      scopes: { flowIds: ['flow_other'], environments: '*' as const },
    };
    await expectRefused(
      database,
      () => service.rename(key, flow.id, 'Taken over'),
      'FORBIDDEN',
      /may not act on flow/,
    );
  });
});
