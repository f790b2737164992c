import type { FlowDocumentInput } from '@parley/shared';
import { expect } from 'vitest';
import { ParleyError, type ParleyErrorCode } from '../../errors.ts';
import type { Database } from '../../store/database.ts';
import type { Principal } from '../principal.ts';
import type { BuildStep } from './build-steps.ts';
import { createFlowService } from './flow-service.ts';

/** Test helpers for the flow service: people, a settable clock, a flow, and "nothing changed" checks. */

export const ada: Principal = { type: 'user', id: 'usr_ada', role: 'admin', name: 'Ada Lovelace' };
export const grace: Principal = { type: 'user', id: 'usr_grace', role: 'operator', name: 'Grace Hopper' };

/** 2024-05-01 12:03 UTC */
export const NOON = Date.UTC(2024, 4, 1, 12, 3);

export function settableClock(start = NOON) {
  return {
    time: start,
    now() {
      return this.time;
    },
  };
}

export async function insertPeople(database: Database) {
  const people = [ada, grace].map((p) => ({
    id: p.id,
    email: `${p.id}@example.com`,
    name: p.type === 'user' ? p.name : p.id,
    role: 'admin' as const,
    passwordHash: 'x',
    createdAt: NOON,
  }));
  await database.transaction(async (tx) => {
    await tx.insert(database.tables.users).values(people);
  });
}

export function flowService(database: Database, buildSteps: readonly BuildStep[] = []) {
  const clock = settableClock();
  return { clock, service: createFlowService({ database, clock, buildSteps }) };
}

const edge = (source: string, target: string, sourcePort = 'next') => ({
  id: `${source}-${sourcePort}`,
  source,
  sourcePort,
  target,
});

/** start -> greet -> help -> done, in English. */
export function helpdeskFlow(overrides: Partial<FlowDocumentInput> = {}): FlowDocumentInput {
  return {
    id: 'helpdesk',
    name: 'Helpdesk',
    variables: [{ name: 'topic', type: 'string', initial: 'orders' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'greet',
        type: 'message',
        position: { x: 0, y: 100 },
        data: { messages: [{ type: 'text', text: { en: 'Hello!' } }] },
      },
      {
        id: 'help',
        type: 'message',
        position: { x: 0, y: 200 },
        data: { messages: [{ type: 'text', text: { en: 'About {{topic}}' } }] },
      },
      { id: 'done', type: 'end', position: { x: 0, y: 300 }, data: { status: 'resolved' } },
    ],
    edges: [edge('start', 'greet'), edge('greet', 'help'), edge('help', 'done')],
    ...overrides,
  };
}

/** Everything the flow service writes, to show a refused request changed none of it. */
export async function storeState(database: Database) {
  const { db, tables } = database;
  return {
    flows: await db.select().from(tables.flows),
    versions: await db.select().from(tables.flowVersions),
    deployments: await db.select().from(tables.deployments),
    history: await db.select().from(tables.deploymentHistory),
    audit: await db.select().from(tables.auditLog),
  };
}

/** Asserts `attempt` is refused with `code` (and a message matching `message`) and leaves the store as it was. */
export async function expectRefused(
  database: Database,
  attempt: () => Promise<unknown>,
  code: ParleyErrorCode,
  message?: RegExp,
): Promise<ParleyError> {
  const before = await storeState(database);
  const error = await attempt().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParleyError);
  const refused = error as ParleyError;
  expect(refused.code).toBe(code);
  if (message) expect(refused.message).toMatch(message);
  expect(await storeState(database)).toEqual(before);
  return refused;
}

/** A published flow: created from `helpdeskFlow`, with `count` versions whose greeting says its number. */
export async function publishedFlow(service: ReturnType<typeof createFlowService>, count: number) {
  const flow = await service.importFlow(ada, { flow: helpdeskFlow() });
  let revision = flow.revision;
  for (let n = 1; n <= count; n++) {
    const draft = structuredClone(flow.draft);
    const greet = draft.nodes.find((node) => node.id === 'greet');
    if (greet) greet.data = { messages: [{ type: 'text', text: { en: `Hello from version ${n}` } }] };
    revision = (await service.saveDraft(ada, { flowId: flow.id, draft, baseRevision: revision })).revision;
    await service.publish(ada, flow.id, { notes: `version ${n}` });
  }
  return { flowId: flow.id, revision };
}
