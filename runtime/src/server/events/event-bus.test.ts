import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus.ts';
import { parseConversationEventId, parseFlowEventId } from './event-ids.ts';
import { Inbox } from './inbox.ts';
import type { TurnNotice } from './turn-notice.ts';
import { decodeNotices, encodeNotices } from './turn-notice.ts';

const notice = (
  conversationId: string,
  turn: number,
  flowId = 'f1',
  environment = 'production',
): TurnNotice => ({
  conversationId,
  flowId,
  environment,
  turn,
});

describe('the event bus', () => {
  it('wakes only the streams following the turn’s conversation or flow', async () => {
    const bus = new EventBus();
    const conversation = new Inbox(undefined);
    const flow = new Inbox(undefined);
    const otherFlow = new Inbox(undefined);
    bus.follow({ conversationId: 'c1' }, conversation);
    bus.follow({ flowId: 'f1' }, flow);
    bus.follow({ flowId: 'f2' }, otherFlow);

    bus.deliver(notice('c1', 3));
    expect((await conversation.take())?.notices).toEqual(new Map([['c1', 3]]));
    expect((await flow.take())?.notices).toEqual(new Map([['c1', 3]]));
    bus.close();
    expect(await otherFlow.take()).toBeNull();
  });

  it('coalesces a busy stream’s notices per conversation, keeping the earliest turn', async () => {
    const inbox = new Inbox(undefined);
    for (const [id, turn] of [
      ['c1', 4],
      ['c2', 1],
      ['c1', 3],
      ['c1', 5],
    ] as const)
      inbox.notice(notice(id, turn));
    expect((await inbox.take())?.notices).toEqual(
      new Map([
        ['c1', 3],
        ['c2', 1],
      ]),
    );
  });

  it('filters notices, e.g. by environment', async () => {
    const inbox = new Inbox(undefined, (n) => n.environment === 'staging');
    inbox.notice(notice('c1', 1));
    inbox.notice(notice('c2', 1, 'f1', 'staging'));
    expect([...((await inbox.take())?.notices.keys() ?? [])]).toEqual(['c2']);
  });

  it('hands out pending notices after a shutdown, but not after the client left', async () => {
    const bus = new EventBus();
    const shuttingDown = new Inbox(undefined);
    const abort = new AbortController();
    const leaving = new Inbox(abort.signal);
    bus.follow({ flowId: 'f1' }, shuttingDown);
    bus.follow({ flowId: 'f1' }, leaving);
    bus.deliver(notice('c1', 1));
    abort.abort();
    bus.close();
    expect((await shuttingDown.take())?.notices).toEqual(new Map([['c1', 1]]));
    expect(await shuttingDown.take()).toBeNull();
    expect(await leaving.take()).toBeNull();
    expect(bus.size).toBe(0);
  });

  it('wakes a waiting stream when notices arrive or it must read everything again', async () => {
    const bus = new EventBus();
    const inbox = new Inbox(undefined);
    const remove = bus.follow({ conversationId: 'c1' }, inbox);
    const waiting = inbox.take();
    bus.resync();
    expect(await waiting).toEqual({ notices: new Map(), resync: true });
    remove();
    expect(bus.size).toBe(0);
  });
});

describe('event ids and notices', () => {
  it('reads back the positions they encode and refuses anything else', () => {
    expect(parseConversationEventId('12.2')).toEqual({ turn: 12, rank: 2 });
    expect(parseFlowEventId('1767261600000:conv_ab12:3.1')).toEqual({
      at: 1767261600000,
      conversationId: 'conv_ab12',
      cursor: { turn: 3, rank: 1 },
    });
    for (const bad of ['', '3', '3.7', 'x.1', '1:2']) {
      expect(() => parseConversationEventId(bad)).toThrow(/is not an event id of events.conversation/);
    }
    expect(() => parseFlowEventId('3.1')).toThrow(/is not an event id of events.flow/);
  });

  it('carry only ids over NOTIFY, many to a payload within its size limit', () => {
    const notices = Array.from({ length: 300 }, (_, i) => notice(`conv_${i}`, i));
    const payloads = encodeNotices(notices, 'instance-a');
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(7000);
    expect(JSON.parse(payloads[0] ?? '')[0]).toEqual({
      o: 'instance-a',
      c: 'conv_0',
      f: 'f1',
      e: 'production',
      t: 0,
    });
    const decoded = payloads.flatMap(decodeNotices);
    expect(decoded.map((d) => d.notice)).toEqual(notices);
    expect(decoded.every((d) => d.origin === 'instance-a')).toBe(true);
    expect(decodeNotices('not json')).toEqual([]);
    expect(decodeNotices('[{"o":"a","c":"c1"}]')).toEqual([]);
  });
});
