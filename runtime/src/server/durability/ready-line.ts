import type { DurableFixture } from './seed-durable-fixture.ts';

/** Starts the one stdout line the child server prints once it listens; JSON follows. */
export const READY_MARK = 'PARLEY_CHILD_READY ';

export type ReadyLine = DurableFixture & { url: string; pid: number };
