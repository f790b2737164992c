import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/testing/test-databases.ts';
import {
  type ApiTestKit,
  liveFlow,
  people,
  promptOf,
  publishRelabelled,
  refusal,
  relabelled,
  startApiKit,
  supportFlow,
  text,
} from './api-test-kit.ts';

const say = (value: string) => ({ type: 'user.message' as const, text: value });

let addressCount = 0;
const nextAddress = () => `browser-${++addressCount}`;

describe.each(testDatabases)('a flow from import to traffic split, over HTTP on $dialect', ({ open }) => {
  let kit: ApiTestKit;
  beforeAll(async () => {
    kit = await startApiKit(open);
  });
  afterAll(() => kit?.close());

  /** The connector (API key) starts a conversation in production. */
  const start = (flowId: string) =>
    kit.as('api-key').conversations.start.mutate({
      flowId,
      environment: 'production',
      channel: 'web',
      address: nextAddress(),
    });

  let messageCount = 0;
  const send = (conversationId: string, value: string, messageId = `msg-${++messageCount}`) =>
    kit.as('api-key').conversations.send.mutate({ conversationId, event: say(value), messageId });

  it('imports a flow, publishes v1, deploys it to production and converses with an API key', async () => {
    const imported = await kit.as('operator').flows.import.mutate({ flow: supportFlow('v1') });
    expect(imported).toMatchObject({ id: expect.stringMatching(/^flow_/), name: 'Support', revision: 1 });
    expect(imported.updatedByName).toBe(people.operator.name);

    const published = await kit.as('admin').versions.publish.mutate({ flowId: imported.id, notes: 'first' });
    expect(published.version).toMatchObject({ number: 1, notes: 'first', authorName: people.admin.name });
    expect(published.warnings).toEqual([]);
    const deployed = await kit
      .as('admin')
      .deployments.deploy.mutate({ flowId: imported.id, environment: 'production', versionNumber: 1 });
    expect(deployed).toMatchObject({ environment: 'production' });

    const opening = await start(imported.id);
    expect(opening).toEqual({
      conversationId: expect.stringMatching(/^conv_/),
      version: 1,
      messages: [text('Hello, this is support'), text(promptOf('v1'))],
      status: 'active',
      resolution: null,
    });
    const reply = await send(opening.conversationId, 'where is my parcel?');
    expect(reply).toMatchObject({
      version: 1,
      messages: [text('You said: where is my parcel?'), text(promptOf('v1'))],
      status: 'active',
    });

    // The agent reads what was said.
    const agent = kit.as('agent');
    const transcript = await agent.conversations.transcript.query({ conversationId: opening.conversationId });
    expect(transcript.map((row) => [row.direction, row.body])).toEqual([
      ['bot', text('Hello, this is support')],
      ['bot', text(promptOf('v1'))],
      ['user', say('where is my parcel?')],
      ['bot', text('You said: where is my parcel?')],
      ['bot', text(promptOf('v1'))],
    ]);
    expect(await agent.conversations.get.query({ conversationId: opening.conversationId })).toMatchObject({
      flowId: imported.id,
      environment: 'production',
      version: 1,
      node: 'ask',
      status: 'active',
    });
  });

  it('keeps a running conversation on v1 after v2 is deployed, and a rollback gives new ones v1 again', async () => {
    const flowId = await liveFlow(kit);
    const old = await start(flowId);

    expect(await publishRelabelled(kit, flowId, 'v2')).toBe(2);
    await kit.as('admin').deployments.deploy.mutate({ flowId, environment: 'production', versionNumber: 2 });

    expect(await send(old.conversationId, 'still there?')).toMatchObject({
      version: 1,
      messages: [text('You said: still there?'), text(promptOf('v1'))],
    });
    const fresh = await start(flowId);
    expect(fresh).toMatchObject({
      version: 2,
      messages: [text('Hello, this is support'), text(promptOf('v2'))],
    });

    await kit.as('admin').deployments.rollback.mutate({ flowId, environment: 'production' });
    const afterRollback = await start(flowId);
    expect(afterRollback).toMatchObject({ version: 1, messages: [expect.anything(), text(promptOf('v1'))] });
    // Conversations keep the version they started on, whichever way the deployment moves.
    expect(await send(fresh.conversationId, 'hi')).toMatchObject({ version: 2 });
    expect(await send(old.conversationId, 'hi')).toMatchObject({ version: 1 });

    const history = await kit.as('operator').deployments.history.query({ flowId, environment: 'production' });
    expect(history.map((h) => [h.action, h.fromVersion, h.toVersion, h.actorName])).toEqual([
      ['rollback', 2, 1, people.admin.name],
      ['deploy', 1, 2, people.admin.name],
      ['deploy', null, 1, people.admin.name],
    ]);
  });

  it('diffs v1 and v2: the changed node and the path that changed', async () => {
    const flowId = await liveFlow(kit);
    await publishRelabelled(kit, flowId, 'v2');

    const diff = await kit.as('operator').versions.diff.query({ flowId, from: 1, to: 2 });
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [{ id: 'ask', paths: ['data.prompt'] }] });
    expect(diff.edges).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.document).toEqual([]);
    // The draft is what v2 published.
    expect(
      (await kit.as('operator').versions.diff.query({ flowId, from: 2, to: 'draft' })).nodes.changed,
    ).toEqual([]);
  });

  it('refuses a save based on a stale revision with CONFLICT naming who saved, and keeps their draft', async () => {
    const flowId = await liveFlow(kit);
    const base = await kit.as('admin').flows.get.query({ flowId });

    // Grace saves first, from the same revision Ada is editing.
    const saved = await kit.as('operator').flows.saveDraft.mutate({
      flowId,
      draft: relabelled(base.draft, 'grace'),
      baseRevision: base.revision,
    });
    expect(saved.revision).toBe(base.revision + 1);

    const error = await refusal(
      kit.as('admin').flows.saveDraft.mutate({
        flowId,
        draft: relabelled(base.draft, 'ada'),
        baseRevision: base.revision,
      }),
    );
    expect(error.data).toMatchObject({ code: 'CONFLICT', httpStatus: 409 });
    expect(error.message).toContain(`the draft was changed by ${people.operator.name}`);
    expect(error.message).toContain(
      `(revision ${saved.revision}, this edit started from revision ${base.revision})`,
    );

    const current = await kit.as('admin').flows.get.query({ flowId });
    expect(current).toMatchObject({ revision: saved.revision, updatedByName: people.operator.name });
    expect(current.draft).toEqual(relabelled(base.draft, 'grace'));
  });

  it('splits new conversations 50/50 between v1 and v2, each staying on its version', async () => {
    const flowId = await liveFlow(kit);
    await publishRelabelled(kit, flowId, 'v2');
    const split = await kit.as('admin').deployments.setTrafficSplit.mutate({
      flowId,
      environment: 'production',
      versionNumber: 2,
      percent: 50,
    });
    expect(split).toMatchObject({ environment: 'production' });

    const connector = kit.batchAs('api-key');
    const starts = await Promise.all(
      Array.from({ length: 1000 }, () =>
        connector.conversations.start.mutate({
          flowId,
          environment: 'production',
          channel: 'web',
          address: nextAddress(),
        }),
      ),
    );
    const onV2 = starts.filter((reply) => reply.version === 2).length;
    expect(onV2).toBeGreaterThanOrEqual(450);
    expect(onV2).toBeLessThanOrEqual(550);
    for (const reply of starts) expect(reply.messages[1]).toEqual(text(promptOf(`v${reply.version}`)));

    // Sticky: the next send runs on the version the conversation started on.
    const sends = await Promise.all(
      starts.map(({ conversationId }) =>
        connector.conversations.send.mutate({ conversationId, event: say('next'), messageId: 'next' }),
      ),
    );
    sends.forEach((reply, index) => {
      const version = starts[index]?.version;
      expect(reply).toMatchObject({
        version,
        messages: [text('You said: next'), text(promptOf(`v${version}`))],
      });
    });
  });

  it('previews a deployment: live conversations waiting at nodes the new version changes', async () => {
    const flowId = await liveFlow(kit);
    const waiting = await Promise.all([start(flowId), start(flowId), start(flowId)]);
    const [ended] = waiting;
    if (!ended) throw new Error('no conversation started');
    await kit.as('operator').conversations.reset.mutate({ conversationId: ended.conversationId });
    const v2 = await publishRelabelled(kit, flowId, 'v2');

    const preview = await kit
      .as('admin')
      .deployments.deployPreview.query({ flowId, environment: 'production', versionNumber: v2 });
    // The reset conversation has ended: only the two still waiting at the question count.
    expect(preview).toEqual({
      current: 1,
      split: null,
      target: 2,
      affected: [{ nodeId: 'ask', change: 'changed', conversations: 2 }],
      unaffected: 0,
    });
    // Previewing the live version itself touches nobody.
    expect(
      await kit
        .as('admin')
        .deployments.deployPreview.query({ flowId, environment: 'production', versionNumber: 1 }),
    ).toEqual({ current: 1, split: null, target: 1, affected: [], unaffected: 2 });
  });

  it('answers a repeated send (same messageId) with the first reply and leaves the transcript as it was', async () => {
    const flowId = await liveFlow(kit);
    const { conversationId } = await start(flowId);
    const first = await send(conversationId, 'order 42', 'wa-msg-1');
    const transcript = await kit.as('agent').conversations.transcript.query({ conversationId });
    const before = await kit.as('agent').conversations.get.query({ conversationId });

    const again = await send(conversationId, 'order 42', 'wa-msg-1');
    expect(again).toEqual(first);
    expect(await kit.as('agent').conversations.transcript.query({ conversationId })).toEqual(transcript);
    expect(await kit.as('agent').conversations.get.query({ conversationId })).toEqual(before);
  });

  // Regression: on PostgreSQL these reached the database and failed there with a 500.
  it('refuses with 400 what the database cannot store: numbers past its integers, NUL, lone surrogates', async () => {
    const flowId = await liveFlow(kit);
    const { conversationId } = await start(flowId);
    const { draft, revision } = await kit.as('operator').flows.get.query({ flowId });
    const tooBig = 3_000_000_000;
    const attempts: [() => Promise<unknown>, RegExp][] = [
      [() => kit.as('admin').versions.get.query({ flowId, versionNumber: tooBig }), /^versionNumber: /],
      [
        () =>
          kit
            .as('admin')
            .deployments.deploy.mutate({ flowId, environment: 'production', versionNumber: tooBig }),
        /^versionNumber: /,
      ],
      [
        () => kit.as('operator').flows.saveDraft.mutate({ flowId, draft, baseRevision: tooBig }),
        /^baseRevision: /,
      ],
      [() => kit.as('admin').flows.get.query({ flowId: 'flow_\u0000' }), /^flowId: contains a NUL/],
      [() => send(conversationId, 'half an emoji \ud83d'), /^event\.text: .*unpaired UTF-16 surrogate/],
    ];
    for (const [attempt, message] of attempts) {
      const error = await refusal(attempt());
      expect(error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
      expect(error.message).toMatch(message);
    }
    expect(await kit.as('operator').flows.get.query({ flowId })).toMatchObject({ revision });
  });
});
