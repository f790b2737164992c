import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { type TestDatabase, testDatabases } from '../../store/testing/test-databases.ts';
import { ada, expectRefused, flowService, insertPeople, publishedFlow } from './flow-fixtures.ts';
import { pickVersion, trafficBucket } from './traffic-split.ts';

const keys = Array.from({ length: 1000 }, (_, i) => `conv_${i.toString(16).padStart(8, '0')}`);
const split = (percent: number) => ({ versionId: 'v1', splitVersionId: 'v2', splitPercent: percent });

describe('pickVersion', () => {
  it('sends about the split percentage of conversations to the split version', () => {
    const toSplit = keys.filter((key) => pickVersion(split(50), key) === 'v2').length;
    expect(toSplit).toBeGreaterThanOrEqual(450);
    expect(toSplit).toBeLessThanOrEqual(550);
    const tenth = keys.filter((key) => pickVersion(split(10), key) === 'v2').length;
    expect(tenth).toBeGreaterThanOrEqual(70);
    expect(tenth).toBeLessThanOrEqual(130);
  });

  it('gives the same conversation the same version every time', () => {
    for (const key of keys.slice(0, 50)) {
      expect(pickVersion(split(50), key)).toBe(pickVersion(split(50), key));
      expect(trafficBucket(key)).toBeGreaterThanOrEqual(0);
      expect(trafficBucket(key)).toBeLessThan(100);
    }
  });

  it('only moves conversations towards the split version as the percentage grows', () => {
    const at20 = new Set(keys.filter((key) => pickVersion(split(20), key) === 'v2'));
    const at60 = new Set(keys.filter((key) => pickVersion(split(60), key) === 'v2'));
    for (const key of at20) expect(at60.has(key)).toBe(true);
  });

  it('sends everything to the main version without a split', () => {
    expect(keys.every((key) => pickVersion(split(0), key) === 'v1')).toBe(true);
    expect(
      keys.every(
        (key) => pickVersion({ versionId: 'v1', splitVersionId: null, splitPercent: 0 }, key) === 'v1',
      ),
    ).toBe(true);
  });
});

describe.each(testDatabases)('traffic splits on $dialect', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
    await insertPeople(database);
  });
  afterAll(() => handle.drop());

  it('splits new conversations between the main and a second version by conversation key', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 2);
    await service.deploy(ada, flowId, 'production', 1);
    const view = await service.setTrafficSplit(ada, flowId, 'production', { versionNumber: 2, percent: 30 });
    expect(view).toMatchObject({ versionNumber: 1, split: { versionNumber: 2, percent: 30 } });

    const picks = await Promise.all(
      keys.slice(0, 200).map((key) => service.liveVersion(flowId, 'production', key)),
    );
    const toSplit = picks.filter((v) => v.split);
    expect(toSplit.every((v) => v.number === 2)).toBe(true);
    expect(picks.filter((v) => !v.split).every((v) => v.number === 1)).toBe(true);
    expect(toSplit.length).toBeGreaterThan(30);
    expect(toSplit.length).toBeLessThan(90);
    expect((await service.liveVersion(flowId, 'production')).number).toBe(1);

    const [entry] = await service.history(flowId, 'production');
    expect(entry).toMatchObject({
      action: 'split',
      fromVersion: 1,
      toVersion: 1,
      split: { versionNumber: 2, percent: 30 },
    });
  });

  it('removes a split with 0 or null, and a deploy ends it too', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 3);
    await service.deploy(ada, flowId, 'staging', 1);
    await service.setTrafficSplit(ada, flowId, 'staging', { versionNumber: 2, percent: 50 });
    expect((await service.setTrafficSplit(ada, flowId, 'staging', { percent: 0 })).split).toBeNull();
    await service.setTrafficSplit(ada, flowId, 'staging', { versionNumber: 2, percent: 50 });
    expect(
      (await service.setTrafficSplit(ada, flowId, 'staging', { versionNumber: null, percent: null })).split,
    ).toBeNull();
    await service.setTrafficSplit(ada, flowId, 'staging', { versionNumber: 2, percent: 50 });
    expect((await service.deploy(ada, flowId, 'staging', 3)).split).toBeNull();
    const picks = await Promise.all(
      keys.slice(0, 20).map((key) => service.liveVersion(flowId, 'staging', key)),
    );
    expect(picks.every((v) => v.number === 3 && !v.split)).toBe(true);
  });

  it('records nothing when asked to remove a split that is not there', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 1);
    await service.deploy(ada, flowId, 'staging', 1);
    const before = await service.history(flowId);
    expect((await service.setTrafficSplit(ada, flowId, 'staging', { percent: 0 })).split).toBeNull();
    expect(await service.history(flowId)).toEqual(before);
  });

  it('refuses splits it cannot honour, changing nothing', async () => {
    const { service } = flowService(database);
    const { flowId } = await publishedFlow(service, 2);
    await expectRefused(
      database,
      () => service.setTrafficSplit(ada, flowId, 'production', { versionNumber: 2, percent: 10 }),
      'PRECONDITION_FAILED',
      /deploy a version there before splitting/,
    );
    await service.deploy(ada, flowId, 'production', 1);
    await expectRefused(
      database,
      () => service.setTrafficSplit(ada, flowId, 'production', { versionNumber: 2, percent: 100 }),
      'BAD_REQUEST',
      /^percent: percent is at most 99/,
    );
    await expectRefused(
      database,
      () => service.setTrafficSplit(ada, flowId, 'production', { versionNumber: 2, percent: 12.5 }),
      'BAD_REQUEST',
      /whole number/,
    );
    await expectRefused(
      database,
      () => service.setTrafficSplit(ada, flowId, 'production', { percent: 10 }),
      'BAD_REQUEST',
      /versionNumber: name the version/,
    );
    await expectRefused(
      database,
      () => service.setTrafficSplit(ada, flowId, 'production', { versionNumber: 1, percent: 10 }),
      'BAD_REQUEST',
      /version 1 is already the main version in production/,
    );
    await expectRefused(
      database,
      () => service.setTrafficSplit(ada, flowId, 'production', { versionNumber: 5, percent: 10 }),
      'NOT_FOUND',
    );
  });
});
