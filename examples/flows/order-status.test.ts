import type { FlowDocument } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrderApi, startOrderApi } from '../order-api/order-api.ts';
import { readExampleFlow, runTranscript } from './transcript.ts';

let api: OrderApi;
let flow: FlowDocument;

/** The example flow calling the order API at `url` instead of its default 127.0.0.1:4801. */
async function withApiAt(url: string): Promise<FlowDocument> {
  const example = await readExampleFlow('order-status');
  return {
    ...example,
    variables: example.variables.map((v) => (v.name === 'orderApiUrl' ? { ...v, initial: url } : v)),
  };
}

/** An address where nothing listens any more. */
async function closedApiUrl(): Promise<string> {
  const gone = await startOrderApi({ port: 0 });
  await gone.close();
  return gone.url;
}

beforeAll(async () => {
  // A free port per test run; the flow's default (4801) is for `pnpm start`.
  api = await startOrderApi({ port: 0 });
  flow = await withApiAt(api.url);
});
afterAll(() => api.close());

const chat = (locale: string, lines: string[]) => runTranscript(flow, { locale }, lines);

describe('order-status example, English', () => {
  const opening = [
    'bot: Hi! I can check the status of your order.',
    'bot: What is your order number? It looks like AB-1001.',
  ];

  it('tells the customer a shipped order is on its way, with the tracking link', async () => {
    const { lines, resolution, vars } = await chat('en', ['AB-1001']);
    expect(lines).toEqual([
      ...opening,
      'you: AB-1001',
      'bot: Good news: order AB-1001 has shipped. You can track it here: https://tracking.example.com/AB-1001',
      'bot: Thanks for checking with us. Goodbye!',
      '-- conversation ended: resolved',
    ]);
    expect(resolution).toBe('resolved');
    expect(vars).toMatchObject({ orderId: 'AB-1001', orderStatus: 'shipped' });
  });

  it('re-asks a malformed number, apologises for an unknown order and retries', async () => {
    const { lines, resolution } = await chat('en', ['my order', 'ZZ-9999', '/choice retry', 'AB-1002']);
    expect(lines).toEqual([
      ...opening,
      'you: my order',
      "bot: That doesn't look like an order number: two letters and at least four digits, like AB-1001.",
      'you: ZZ-9999',
      "bot: Sorry, I couldn't find order ZZ-9999. Would you like to try another number?",
      '  [1] Try another number (retry)',
      '  [2] No, thanks (stop)',
      'you: /choice retry',
      'bot: What is your order number? It looks like AB-1001.',
      'you: AB-1002',
      'bot: Order AB-1002 is being prepared and should ship by 2025-06-10.',
      'bot: Thanks for checking with us. Goodbye!',
      '-- conversation ended: resolved',
    ]);
    expect(resolution).toBe('resolved');
  });

  it('ends unresolved when the customer gives up after an unknown order', async () => {
    const { lines, resolution } = await chat('en', ['XY-0000', 'No, thanks']);
    expect(lines.slice(-3)).toEqual([
      'you: No, thanks',
      'bot: No problem. You can also reach us by email at any time. Goodbye!',
      '-- conversation ended: unresolved',
    ]);
    expect(resolution).toBe('unresolved');
  });

  it('hands an order in any other state to a colleague', async () => {
    const { lines, resolution } = await chat('en', ['ab1003']);
    expect(lines.slice(-2)).toEqual([
      'bot: Order ab1003 is currently "on-hold". A colleague will tell you more.',
      '-- conversation ended: escalated',
    ]);
    expect(resolution).toBe('escalated');
  });

  it('says the order system is unreachable rather than that the order does not exist', async () => {
    const { lines, resolution } = await runTranscript(
      await withApiAt(await closedApiUrl()),
      { locale: 'en' },
      ['AB-1001'],
    );
    expect(lines.slice(-2)).toEqual([
      "bot: Sorry, I can't reach our order system right now. Please try again in a few minutes.",
      '-- conversation ended: unresolved',
    ]);
    expect(resolution).toBe('unresolved');
  });

  // Regression: the 404 of the first lookup must not make a later unreachable API look like "not found".
  it('forgets a not-found lookup before retrying', async () => {
    const flaky = await startOrderApi({ port: 0 });
    const { lines } = await runTranscript(
      await withApiAt(flaky.url),
      {
        locale: 'en',
        beforeTurn: async (line) => {
          if (line === 'AB-1001') await flaky.close();
        },
      },
      ['ZZ-9999', '/choice retry', 'AB-1001'],
    );
    expect(lines.at(-2)).toBe(
      "bot: Sorry, I can't reach our order system right now. Please try again in a few minutes.",
    );
  });

  it('gives up after three answers that are not order numbers', async () => {
    const { lines, resolution } = await chat('en', ['hello', 'help', 'what?']);
    expect(lines.slice(-2)).toEqual([
      "bot: I still couldn't read an order number, sorry. Please contact us by email.",
      '-- conversation ended: unresolved',
    ]);
    expect(resolution).toBe('unresolved');
  });

  it('ends abandoned when the customer hangs up', async () => {
    const { lines, resolution } = await chat('en', ['/hangup']);
    expect(lines.slice(-1)).toEqual(['-- conversation ended: abandoned']);
    expect(resolution).toBe('abandoned');
  });
});

describe('order-status example, Simplified Chinese', () => {
  const opening = ['bot: 您好！我可以帮您查询订单状态。', 'bot: 请输入您的订单号，格式如 AB-1001。'];

  it('tells the customer a shipped order is on its way', async () => {
    const { lines, resolution } = await chat('zh', ['CD-2001']);
    expect(lines).toEqual([
      ...opening,
      'you: CD-2001',
      'bot: 好消息：订单 CD-2001 已发货。您可以在这里跟踪物流：https://tracking.example.com/CD-2001',
      'bot: 感谢您的咨询，再见！',
      '-- conversation ended: resolved',
    ]);
    expect(resolution).toBe('resolved');
  });

  it('apologises for an unknown order and ends when the customer declines', async () => {
    const { lines, resolution } = await chat('zh-CN', ['订单', 'ZZ-9999', '不用了']);
    expect(lines).toEqual([
      ...opening,
      'you: 订单',
      'bot: 这似乎不是订单号：订单号由两个字母和至少四位数字组成，例如 AB-1001。',
      'you: ZZ-9999',
      'bot: 抱歉，没有找到订单 ZZ-9999。要换一个订单号再试吗？',
      '  [1] 换一个订单号 (retry)',
      '  [2] 不用了 (stop)',
      'you: 不用了',
      'bot: 好的。您也可以随时通过电子邮件联系我们。再见！',
      '-- conversation ended: unresolved',
    ]);
    expect(resolution).toBe('unresolved');
  });
});
