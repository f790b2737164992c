import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoFlow, fakeClock } from '../../services/conversations/testing/conversation-fixtures.ts';
import { systemPrincipal } from '../../services/principal.ts';
import { freshSqlite, type TestDatabase } from '../../store/testing/test-databases.ts';
import { liveFlow } from '../events/testing/live-test-kit.ts';
import { createParleyServer, type ParleyServer } from '../parley-server.ts';
import { Counter, Histogram, renderGauge } from './prometheus-text.ts';
import { type Family, parsePrometheusText } from './testing/parse-prometheus.ts';

function family(families: Map<string, Family>, name: string): Family {
  const found = families.get(name);
  if (!found) throw new Error(`no metric ${name}; have ${[...families.keys()].join(', ')}`);
  return found;
}

const sampleValue = (f: Family, name = f.name, labels: Record<string, string> = {}) =>
  f.samples.find((s) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels))?.value;

describe('GET /metrics', () => {
  let handle: TestDatabase;
  let server: ParleyServer;
  const clock = fakeClock(Date.UTC(2030, 0, 1, 9));

  beforeAll(async () => {
    handle = await freshSqlite();
    // Not listening: the timers stay unfired, so due ones can be counted.
    server = createParleyServer({
      database: { ...handle.database, close: async () => {} },
      logger: pino({ level: 'silent' }),
      clock,
    });
    await liveFlow(handle.database, echoFlow());
  });
  afterAll(async () => {
    await server?.close();
    await handle?.drop();
  });

  async function scrape(): Promise<Map<string, Family>> {
    const response = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parsePrometheusText(response.body);
  }

  it('counts turns, their latency, active conversations and due timers', async () => {
    const before = await scrape();
    expect(family(before, 'parley_turns_total').samples).toEqual([]);
    expect(
      sampleValue(family(before, 'parley_turn_duration_seconds'), 'parley_turn_duration_seconds_count'),
    ).toBe(0);

    const { conversations } = server.services;
    const { conversationId } = await conversations.start(systemPrincipal, {
      flowId: 'echo',
      environment: 'production',
      channel: 'web',
      address: 'metrics',
    });
    for (const text of ['one', 'two'])
      await conversations.send(systemPrincipal, {
        conversationId,
        messageId: text,
        event: { type: 'user.message', text },
      });

    const after = await scrape();
    const turns = family(after, 'parley_turns_total');
    expect(turns.type).toBe('counter');
    expect(turns.samples).toEqual([
      { name: 'parley_turns_total', labels: { flow_id: 'echo', environment: 'production' }, value: 3 },
    ]);

    const latency = family(after, 'parley_turn_duration_seconds');
    expect(latency.type).toBe('histogram');
    const buckets = latency.samples.filter((s) => s.name.endsWith('_bucket'));
    expect(buckets.at(-1)?.labels).toEqual({ le: '+Inf' });
    expect(buckets.at(-1)?.value).toBe(3);
    const counts = buckets.map((b) => b.value);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(sampleValue(latency, 'parley_turn_duration_seconds_count')).toBe(3);
    expect(sampleValue(latency, 'parley_turn_duration_seconds_sum')).toBeGreaterThan(0);

    expect(sampleValue(family(after, 'parley_conversations_active'))).toBe(1);
    expect(sampleValue(family(after, 'parley_jobs_due'))).toBe(0);
    expect(sampleValue(family(after, 'parley_event_streams'))).toBe(0);

    // Past the idle deadline (30 minutes): the conversation no longer counts, its expiry timer is due.
    clock.advance(31 * 60_000);
    const idle = await scrape();
    expect(sampleValue(family(idle, 'parley_conversations_active'))).toBe(0);
    expect(sampleValue(family(idle, 'parley_jobs_due'))).toBe(1);
  });
});

describe('the Prometheus text format', () => {
  it('escapes label values and help text, and renders cumulative buckets', () => {
    const counter = new Counter('demo_total', 'A demo.\nSecond line with a \\ backslash.');
    counter.inc({ flow_id: 'say "hi"\\now\nplease' }, 2);
    const histogram = new Histogram('demo_seconds', 'Demo latency.', [0.1, 1]);
    for (const value of [0.05, 0.5, 5]) histogram.observe(value);
    const text = counter.render() + histogram.render() + renderGauge('demo_gauge', 'A gauge.', 7);

    const families = parsePrometheusText(text);
    expect(family(families, 'demo_total').help).toBe('A demo.\\nSecond line with a \\\\ backslash.');
    expect(family(families, 'demo_total').samples[0]).toEqual({
      name: 'demo_total',
      labels: { flow_id: 'say "hi"\\now\nplease' },
      value: 2,
    });
    expect(family(families, 'demo_seconds').samples.map((s) => [s.name, s.labels.le, s.value])).toEqual([
      ['demo_seconds_bucket', '0.1', 1],
      ['demo_seconds_bucket', '1', 2],
      ['demo_seconds_bucket', '+Inf', 3],
      ['demo_seconds_sum', undefined, 5.55],
      ['demo_seconds_count', undefined, 3],
    ]);
    expect(sampleValue(family(families, 'demo_gauge'))).toBe(7);
  });
});
