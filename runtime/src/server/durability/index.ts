/** Durability test and bench support: the real server with a seeded flow and connector key, and baselines. */
export { bareSqliteCommitsPerSecond } from './bare-sqlite-commits.ts';
export { COUNTING_ECHO_GREETING, countingEchoFlow, countingEchoReply } from './counting-echo-flow.ts';
export { discardingLogger } from './discarding-logger.ts';
export { requestTimingLogger } from './request-timing-logger.ts';
export { DURABLE_ENVIRONMENT, type DurableFixture, seedDurableFixture } from './seed-durable-fixture.ts';
export { type DurableServer, startDurableServer } from './start-durable-server.ts';
export { type CallOptions, callMutation, ProcedureFailed, ServerUnreachable } from './trpc-call.ts';
