import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import {
  ada,
  expectRefused,
  flowService,
  grace,
  insertPeople,
  NOON,
  publishedFlow,
} from './flow-fixtures.ts';

describe.each(testDatabases)('deployments on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
    await insertPeople(database);
  });
  afterAll(() => handle.drop());

  const live = async (
    service: ReturnType<typeof flowService>['service'],
    flowId: string,
    environment: string,
  ) => (await service.liveVersion(flowId, environment)).number;

  it('deploys a version to an environment, where new conversations get it', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 2);
    await expectRefused(
      database,
      () => service.liveVersion(flowId, 'production'),
      'NOT_FOUND',
      /nothing is deployed to production for flow/,
    );
    const deployed = await service.deploy(ada, flowId, 'production', 2);
    expect(deployed).toMatchObject({
      environment: 'production',
      versionNumber: 2,
      split: null,
      updatedBy: ada.id,
    });
    const version = await service.liveVersion(flowId, 'production');
    expect(version).toMatchObject({ number: 2, environment: 'production', split: false });
    expect(version.flow.nodes.find((n) => n.id === 'greet')?.data).toEqual({
      messages: [{ type: 'text', text: { en: 'Hello from version 2' } }],
    });
    expect(await service.getVersionById(version.id)).toMatchObject({ number: 2 });
    await expectRefused(database, () => service.liveVersion(flowId, 'staging'), 'NOT_FOUND', /staging/);
  });

  it('accepts custom environment names and refuses malformed ones', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 1);
    await service.deploy(ada, flowId, 'eu-west-2', 1);
    expect(await service.environments(flowId)).toEqual(['development', 'staging', 'production', 'eu-west-2']);
    for (const name of ['Production', '2nd', 'a'.repeat(33), 'eu_west']) {
      await expectRefused(
        database,
        () => service.deploy(ada, flowId, name, 1),
        'BAD_REQUEST',
        /^environment: /,
      );
    }
    await expectRefused(
      database,
      () => service.deploy(ada, flowId, 'staging', 9),
      'NOT_FOUND',
      /has no version 9/,
    );
  });

  it('rolls back to the version the previous deployment pointed at, or to a named one', async () => {
    const { service, clock } = flowService(database);
    const { flowId } = await publishedFlow(service, 3);
    await service.deploy(ada, flowId, 'production', 1);
    clock.time += 1000;
    await service.deploy(ada, flowId, 'production', 3);
    clock.time += 1000;
    expect(await service.rollback(grace, flowId, 'production')).toMatchObject({ versionNumber: 1 });
    expect(await live(service, flowId, 'production')).toBe(1);
    clock.time += 1000;
    await service.rollback(grace, flowId, 'production', 2);
    expect(await live(service, flowId, 'production')).toBe(2);

    const history = await service.history(flowId, 'production');
    expect(history.map((h) => [h.action, h.fromVersion, h.toVersion, h.actorName])).toEqual([
      ['rollback', 1, 2, 'Grace Hopper'],
      ['rollback', 3, 1, 'Grace Hopper'],
      ['deploy', 1, 3, 'Ada Lovelace'],
      ['deploy', null, 1, 'Ada Lovelace'],
    ]);
    expect(history.map((h) => h.createdAt)).toEqual([NOON + 3000, NOON + 2000, NOON + 1000, NOON]);
    const audit = await database.db
      .select()
      .from(database.tables.auditLog)
      .where(eq(database.tables.auditLog.targetId, `${flowId}/production`));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'deployment.deploy',
      'deployment.deploy',
      'deployment.rollback',
      'deployment.rollback',
    ]);
  });

  it('refuses a rollback with nothing to go back to, changing nothing', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 2);
    await expectRefused(
      database,
      () => service.rollback(ada, flowId, 'staging'),
      'PRECONDITION_FAILED',
      /nothing is deployed to staging .* nothing to roll back/,
    );
    await service.deploy(ada, flowId, 'staging', 1);
    await expectRefused(
      database,
      () => service.rollback(ada, flowId, 'staging'),
      'PRECONDITION_FAILED',
      /no earlier deployment to roll back to in staging/,
    );
    await expectRefused(
      database,
      () => service.rollback(ada, flowId, 'staging', 1),
      'PRECONDITION_FAILED',
      /version 1 is already live in staging/,
    );
    await expectRefused(database, () => service.rollback(ada, flowId, 'staging', 7), 'NOT_FOUND');
  });

  it('keeps environments apart in history and live versions', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 2);
    await service.deploy(ada, flowId, 'staging', 2);
    await service.deploy(ada, flowId, 'production', 1);
    expect(await live(service, flowId, 'staging')).toBe(2);
    expect(await live(service, flowId, 'production')).toBe(1);
    expect((await service.history(flowId)).map((h) => h.environment)).toEqual(['production', 'staging']);
    expect((await service.history(flowId, 'staging')).map((h) => h.toVersion)).toEqual([2]);
  });

  it('records a consistent history when deploys land at once', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 5);
    await service.deploy(ada, flowId, 'production', 1);
    await Promise.all([2, 3, 4, 5].map((n) => service.deploy(n % 2 ? ada : grace, flowId, 'production', n)));
    const history = (await service.history(flowId, 'production')).reverse();
    expect(history.map((h) => h.toVersion).sort()).toEqual([1, 2, 3, 4, 5]);
    // Each deploy's "from" is what the one before it left live, never a version read before that committed.
    history.forEach((entry, i) => {
      expect(entry.fromVersion).toBe(i === 0 ? null : history[i - 1]?.toVersion);
    });
    expect(await live(service, flowId, 'production')).toBe(history.at(-1)?.toVersion);
  });

  it('stops serving a deleted flow to new conversations', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 1);
    await service.deploy(ada, flowId, 'production', 1);
    const version = await service.liveVersion(flowId, 'production');
    await service.remove(ada, flowId);
    await expectRefused(database, () => service.liveVersion(flowId, 'production'), 'NOT_FOUND');
    await expectRefused(database, () => service.deploy(ada, flowId, 'production', 1), 'NOT_FOUND');
    // Running conversations still load their version by id.
    expect((await service.getVersionById(version.id)).number).toBe(1);
  });

  it('refuses an API key deploying outside its environments', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 1);
    const key = {
      type: 'api-key' as const,
      id: 'key_ci',
      scopes: { flowIds: '*' as const, environments: ['staging'] },
    };
    await service.deploy(key, flowId, 'staging', 1);
    await expectRefused(
      database,
      () => service.deploy(key, flowId, 'production', 1),
      'FORBIDDEN',
      /production/,
    );
  });
});
