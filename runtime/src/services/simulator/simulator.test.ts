import type { FlowDocument } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  type ApiTestKit,
  refusal,
  startApiKit,
  storeSnapshot,
} from '../../api/tests/api-test-kit.ts';
import { freshSqlite } from '../../store/testing/test-databases.ts';
import { MASKED } from './simulator-answer.ts';
import { deskFlow, withoutCard, withText } from './simulator-fixtures.ts';

/*
 * The simulator through the real server and tRPC client, as the designer calls it: on drafts that were
 * never published, with the session kept by the client between calls.
 */

const text = (value: string) => ({ type: 'text', text: value });
const menu = {
  type: 'choices',
  text: 'What is it about?',
  choices: [
    { value: 'billing', label: 'Billing' },
    { value: 'support', label: 'Support' },
  ],
};
const pick = (value: string) => ({ type: 'user.choice' as const, value });
const say = (value: string) => ({ type: 'user.message' as const, text: value });

describe('the simulator over HTTP', () => {
  let kit: ApiTestKit;
  let operator: ApiClient;
  /** The desk flow, imported as a draft and never published. */
  let flowId: string;
  let draft: FlowDocument;

  beforeAll(async () => {
    kit = await startApiKit(freshSqlite);
    operator = kit.as('operator');
    const flow = await operator.flows.import.mutate({ flow: deskFlow() });
    flowId = flow.id;
    draft = flow.draft;
  });
  afterAll(() => kit?.close());

  it('chats with a draft that was never published, going on from the session it returns', async () => {
    expect(await operator.versions.list.query({ flowId })).toEqual([]);

    const opening = await operator.simulator.start.mutate({ flowId, channel: 'web' });
    expect(opening).toMatchObject({
      messages: [text('Welcome to the desk'), menu],
      node: 'menu',
      vars: { topic: null, card: null },
      resolution: null,
      turn: 0,
      session: { channel: 'web', locale: 'en', status: 'active', turn: 0 },
    });

    const billing = await operator.simulator.send.mutate({
      flowId,
      session: opening.session,
      event: pick('billing'),
    });
    expect(billing).toMatchObject({
      messages: [text('Your card number?')],
      node: 'card',
      vars: { topic: 'billing', card: null },
      turn: 1,
      session: { status: 'active', turn: 1 },
    });

    const done = await operator.simulator.send.mutate({
      flowId,
      session: billing.session,
      event: say('4111 1111 1111 1111'),
    });
    expect(done).toMatchObject({
      messages: [text('Thanks, we will look into billing'), { type: 'end', status: 'resolved' }],
      node: 'done',
      resolution: 'resolved',
      turn: 2,
      session: { status: 'ended', turn: 2 },
    });

    // The state is the session's: the opening session, sent again, still stands at the menu.
    const support = await operator.simulator.send.mutate({
      flowId,
      session: opening.session,
      event: pick('support'),
    });
    expect(support).toMatchObject({ node: 'card', vars: { topic: 'support' }, turn: 1 });
  });

  it('masks the variables the flow marks sensitive, once they hold something', async () => {
    const opening = await operator.simulator.start.mutate({ flowId, channel: 'web' });
    const asked = await operator.simulator.send.mutate({
      flowId,
      session: opening.session,
      event: pick('support'),
    });
    const done = await operator.simulator.send.mutate({ flowId, session: asked.session, event: say('4111') });
    expect(done.vars).toEqual({ topic: 'support', card: MASKED });
    expect(JSON.stringify(done.vars)).not.toContain('4111');
  });

  it('runs the unsaved draft it is given, and goes on with later edits', async () => {
    const { revision } = await operator.flows.get.query({ flowId });
    const edited = withText(draft, 'greet', 'Hello from the unsaved draft');
    const opening = await operator.simulator.start.mutate({ flowId, flow: edited, channel: 'web' });
    expect(opening.messages[0]).toEqual(text('Hello from the unsaved draft'));

    const asked = await operator.simulator.send.mutate({
      flowId,
      flow: edited,
      session: opening.session,
      event: pick('billing'),
    });
    // Edited between turns: the node the session waits at is still there, so it goes on.
    const later = withText(edited, 'thanks', 'Edited thanks for {{topic}}');
    const done = await operator.simulator.send.mutate({
      flowId,
      flow: later,
      session: asked.session,
      event: say('1'),
    });
    expect(done.messages[0]).toEqual(text('Edited thanks for billing'));

    // Nothing was saved: the draft is as it was.
    const saved = await operator.flows.get.query({ flowId });
    expect(saved.revision).toBe(revision);
    expect(saved.draft.nodes.find((n) => n.id === 'greet')?.data).toEqual(
      draft.nodes.find((n) => n.id === 'greet')?.data,
    );
  });

  it('compiles a draft once, however many turns run on it', async () => {
    const edited = withText(draft, 'greet', `Cached ${Date.now()}`);
    const before = kit.services.simulator.cachedDrafts;
    const opening = await operator.simulator.start.mutate({ flowId, flow: edited, channel: 'web' });
    expect(kit.services.simulator.cachedDrafts).toBe(before + 1);
    await operator.simulator.send.mutate({
      flowId,
      flow: edited,
      session: opening.session,
      event: pick('billing'),
    });
    await operator.simulator.start.mutate({ flowId, flow: structuredClone(edited), channel: 'web' });
    expect(kit.services.simulator.cachedDrafts).toBe(before + 1);
  });

  it('refuses a draft with errors, saying how many and naming the first', async () => {
    const broken = structuredClone(draft);
    // Both of the menu's ports left unconnected: two errors.
    broken.edges = broken.edges.filter((e) => e.source !== 'menu');
    const error = await refusal(operator.simulator.start.mutate({ flowId, flow: broken, channel: 'web' }));
    expect(error.data).toMatchObject({ code: 'PRECONDITION_FAILED', httpStatus: 412 });
    expect(error.message).toMatch(
      /cannot be simulated until its draft is fixed: 2 errors to fix; the first at node "menu": port "billing"/,
    );
  });

  it('refuses a draft that is not this flow, or not a flow document, naming the field', async () => {
    const other = await refusal(
      operator.simulator.start.mutate({ flowId, flow: { ...draft, id: 'someone-else' }, channel: 'web' }),
    );
    expect(other.data).toMatchObject({ code: 'BAD_REQUEST' });
    expect(other.message).toMatch(/^flow\.id: the draft's id "someone-else" is not this flow's id/);

    const shapeless = await refusal(
      operator.simulator.start.mutate({ flowId, flow: { ...draft, nodes: 'none' }, channel: 'web' }),
    );
    expect(shapeless.data).toMatchObject({ code: 'BAD_REQUEST' });
    expect(shapeless.message).toMatch(/not a valid flow document: nodes: /);

    const missing = await refusal(operator.simulator.start.mutate({ flowId: 'flow_nope', channel: 'web' }));
    expect(missing.data).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("answers an engine failure with a clear 4xx carrying the engine's message", async () => {
    const tight = {
      ...structuredClone(draft),
      settings: { ...draft.settings, limits: { ...draft.settings.limits, maxStepsPerTurn: 2 } },
    };
    const error = await refusal(operator.simulator.start.mutate({ flowId, flow: tight, channel: 'web' }));
    expect(error.data).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', httpStatus: 422 });
    expect(error.message).toMatch(/^the flow ran 2 steps without waiting for the user \(last node "greet"\)/);
  });

  it('refuses to go on with an ended session', async () => {
    const opening = await operator.simulator.start.mutate({ flowId, channel: 'web' });
    const asked = await operator.simulator.send.mutate({
      flowId,
      session: opening.session,
      event: pick('billing'),
    });
    const done = await operator.simulator.send.mutate({ flowId, session: asked.session, event: say('1') });
    // As the answer returned it, and with only the snapshot: the snapshot itself says it ended.
    const { status: _status, ...withoutStatus } = done.session;
    for (const session of [done.session, withoutStatus]) {
      const error = await refusal(operator.simulator.send.mutate({ flowId, session, event: say('again') }));
      expect(error.data).toMatchObject({ code: 'PRECONDITION_FAILED', httpStatus: 412 });
      expect(error.message).toBe('the simulated conversation has ended; restart the simulation');
    }
  });

  it('refuses a snapshot it cannot restore, asking to restart', async () => {
    const opening = await operator.simulator.start.mutate({ flowId, channel: 'web' });
    const asked = await operator.simulator.send.mutate({
      flowId,
      session: opening.session,
      event: pick('billing'),
    });
    const parsed = JSON.parse(asked.session.snapshot);
    const tampered: [string, string, RegExp][] = [
      ['not JSON', '{"status": "act', /is not JSON/],
      ['no context', JSON.stringify({ ...parsed, context: undefined }), /\(context: /],
      ['a state the flow lacks', JSON.stringify({ ...parsed, value: { vault: 'waiting' } }), /no longer has/],
      [
        'a step that does not wait',
        JSON.stringify({ ...parsed, value: 'thanks' }),
        /does not wait for the user/,
      ],
      [
        'a running actor',
        JSON.stringify({ ...parsed, children: { call: { src: 'http.call', snapshot: {} } } }),
        /running actors/,
      ],
    ];
    for (const [what, snapshot, reason] of tampered) {
      const error = await refusal(
        operator.simulator.send.mutate({ flowId, session: { ...asked.session, snapshot }, event: say('1') }),
      );
      expect([what, error.data?.code]).toEqual([what, 'BAD_REQUEST']);
      expect(error.message, what).toMatch(
        /^the simulated conversation cannot go on: .*; restart the simulation$/,
      );
      expect(error.message, what).toMatch(reason);
    }

    // Edited since: the question the session waits at was deleted.
    const error = await refusal(
      operator.simulator.send.mutate({
        flowId,
        flow: withoutCard(draft),
        session: asked.session,
        event: say('1'),
      }),
    );
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST' });
    expect(error.message).toMatch(
      /draft no longer has the place the conversation was at.*restart the simulation$/,
    );
  });

  it("keeps the draft's step budget whatever the snapshot says", async () => {
    const opening = await operator.simulator.start.mutate({ flowId, channel: 'web' });
    const parsed = JSON.parse(opening.session.snapshot);
    parsed.context.maxSteps = 0;
    const asked = await operator.simulator.send.mutate({
      flowId,
      session: { ...opening.session, snapshot: JSON.stringify(parsed) },
      event: pick('billing'),
    });
    expect(asked.node).toBe('card');
    expect(JSON.parse(asked.session.snapshot).context.maxSteps).toBe(draft.settings.limits.maxStepsPerTurn);
  });

  it('writes nothing: no conversation, transcript, event, timer or audit record', async () => {
    const before = await storeSnapshot(kit.database);
    const opening = await operator.simulator.start.mutate({ flowId, channel: 'web' });
    const asked = await operator.simulator.send.mutate({
      flowId,
      session: opening.session,
      event: pick('support'),
    });
    await operator.simulator.send.mutate({ flowId, session: asked.session, event: say('1') });
    const hungUp = await operator.simulator.send.mutate({
      flowId,
      session: opening.session,
      event: { type: 'user.hangup' },
    });
    expect(hungUp.session.status).toBe('ended');
    expect(await storeSnapshot(kit.database)).toEqual(before);
    expect(await kit.as('admin').conversations.list.query({})).toEqual([]);
  });
});
