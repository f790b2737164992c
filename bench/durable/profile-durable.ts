/**
 * Load on the durable path alone, for profiling the server (this process's main thread):
 * `node --cpu-prof --cpu-prof-dir=/tmp/parley-prof --import tsx bench/durable/profile-durable.ts [conversations] [seconds]`
 * then `tsx bench/durable/summarize-profile.ts /tmp/parley-prof/<main thread's .cpuprofile>`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discardingLogger, startDurableServer } from '@parley/runtime/server/durability';
import { measureLoad } from '../server/load-generator.ts';
import { sendBodies, startConversations } from './durable-load.ts';

const conversations = Number(process.argv[2] ?? 100);
const seconds = Number(process.argv[3] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'parley-profile-durable-'));
const durable = await startDurableServer({ target: join(dir, 'parley.db'), logger: discardingLogger() });
try {
  const { apiKey } = durable;
  if (!apiKey) throw new Error('the profile database was seeded before');
  const ids = await startConversations(durable, apiKey, conversations, 'profile');
  const m = await measureLoad({
    url: `${durable.url}/trpc/conversations.send`,
    body: '',
    bodies: sendBodies(ids),
    headers: { authorization: `Bearer ${apiKey}` },
    connections: conversations,
    warmupMs: 500,
    durationMs: seconds * 1000,
  });
  const perSecond = (m.requests / m.elapsedMs) * 1000;
  console.log(
    `${conversations} conversations: ${perSecond.toFixed(0)} turns/s, p50 ${m.p50Ms.toFixed(2)} ms, p99 ${m.p99Ms.toFixed(2)} ms, ` +
      `server CPU ${m.serverCpuUsPerRequest?.toFixed(0)} µs/turn, ${m.failures} failures`,
  );
} finally {
  await durable.server.close();
  rmSync(dir, { recursive: true, force: true });
}
