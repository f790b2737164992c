/** Test support: flows and the published-version rows the conversation service reads. */
import { compileFlow } from '@parley/nodes';
import { type FlowDocumentInput, flowDocumentSchema } from '@parley/shared';
import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database, Db } from '../../../store/database.ts';
import type { Clock } from '../../clock.ts';
import type { Principal } from '../../principal.ts';

export const admin: Principal = { type: 'user', id: 'u_admin', role: 'admin', name: 'Ada Lovelace' };

export type FakeClock = Clock & { time: number; advance(ms: number): void };

export function fakeClock(start = Date.UTC(2025, 5, 1, 9)): FakeClock {
  return {
    time: start,
    now() {
      return this.time;
    },
    advance(ms) {
      this.time += ms;
    },
  };
}

type EchoOptions = {
  id?: string;
  greeting?: string;
  /** The echo template; `#{{count}} {{last}}` when left out. */
  echo?: string;
  settings?: FlowDocumentInput['settings'];
};

/**
 * Greets, then asks for anything: each answer is counted and echoed as `#<count> <answer>` before the
 * question is asked again, so every reply shows what the turns before it did. "bye" ends the
 * conversation as resolved.
 */
export function echoFlow(options: EchoOptions = {}): FlowDocumentInput {
  return {
    id: options.id ?? 'echo',
    name: 'Echo',
    variables: [
      { name: 'count', initial: 0 },
      { name: 'last', initial: '' },
    ],
    ...(options.settings ? { settings: options.settings } : {}),
    nodes: [
      { id: 'start', type: 'start', data: {} },
      {
        id: 'hello',
        type: 'message',
        data: { messages: [{ type: 'text', text: options.greeting ?? 'Hello' }] },
      },
      {
        id: 'listen',
        type: 'ask',
        data: { prompt: 'Say something', variable: 'last', noInputPrompt: 'Still there?' },
      },
      { id: 'check', type: 'condition', data: { branches: [{ port: 'bye', expression: 'last == "bye"' }] } },
      {
        id: 'count',
        type: 'set-variable',
        data: { assignments: [{ variable: 'count', expression: 'count + 1' }] },
      },
      {
        id: 'echo',
        type: 'message',
        data: { messages: [{ type: 'text', text: options.echo ?? '#{{count}} {{last}}' }] },
      },
      { id: 'done', type: 'end', data: { status: 'resolved', message: 'Bye' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourcePort: 'next', target: 'listen' },
      { id: 'e3', source: 'listen', sourcePort: 'next', target: 'check' },
      { id: 'e4', source: 'check', sourcePort: 'bye', target: 'done' },
      { id: 'e5', source: 'check', sourcePort: 'else', target: 'count' },
      { id: 'e6', source: 'count', sourcePort: 'next', target: 'echo' },
      { id: 'e7', source: 'echo', sourcePort: 'next', target: 'listen' },
    ],
  };
}

/** Asks for a word, looks it up over HTTP and says "looked up <word>": the turn lasts as long as the call. */
export function lookupFlow(id = 'lookup', settings?: FlowDocumentInput['settings']): FlowDocumentInput {
  return {
    id,
    name: 'Lookup',
    ...(settings ? { settings } : {}),
    variables: [{ name: 'word', initial: '' }],
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'ask', type: 'ask', data: { prompt: 'Which word?', variable: 'word' } },
      { id: 'call', type: 'http-request', data: { url: 'https://api.example.com/words/{{word}}' } },
      { id: 'found', type: 'message', data: { messages: [{ type: 'text', text: 'looked up {{word}}' }] } },
      { id: 'failed', type: 'message', data: { messages: [{ type: 'text', text: 'lookup failed' }] } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourcePort: 'next', target: 'call' },
      { id: 'e3', source: 'call', sourcePort: 'success', target: 'found' },
      { id: 'e4', source: 'call', sourcePort: 'error', target: 'failed' },
      { id: 'e5', source: 'found', sourcePort: 'next', target: 'ask' },
      { id: 'e6', source: 'failed', sourcePort: 'next', target: 'ask' },
    ],
  };
}

/** Inserts the flow (once) and a published version `number` of it; returns the version id. */
export async function publish(database: Database, input: FlowDocumentInput, number: number): Promise<string> {
  const { db, tables, transaction } = database;
  const flow = flowDocumentSchema.parse(input);
  const now = Date.now();
  const [known] = await db
    .select({ id: tables.flows.id })
    .from(tables.flows)
    .where(eq(tables.flows.id, flow.id));
  const id = `ver_${flow.id}_${number}`;
  await transaction(async (tx) => {
    if (!known) {
      await tx.insert(tables.flows).values({
        id: flow.id,
        name: flow.name,
        draft: flow,
        revision: 1,
        updatedBy: admin.id,
        updatedAt: now,
        createdAt: now,
      });
    }
    await tx.insert(tables.flowVersions).values({
      id,
      flowId: flow.id,
      number,
      flow,
      machine: compileFlow(flow) as unknown as Record<string, unknown>,
      checksum: `sum-${id}`,
      notes: '',
      warnings: [],
      artifacts: {},
      authorId: admin.id,
      createdAt: now,
    });
  });
  return id;
}

/** Points the environment at a version, optionally splitting `splitPercent`% of new conversations off. */
export async function deploy(
  database: Database,
  flowId: string,
  environment: string,
  versionId: string,
  split?: { versionId: string; percent: number },
): Promise<void> {
  const { transaction, tables } = database;
  const values = {
    versionId,
    splitVersionId: split?.versionId ?? null,
    splitPercent: split?.percent ?? 0,
    updatedBy: admin.id,
    updatedAt: Date.now(),
  };
  await transaction((tx) =>
    tx
      .insert(tables.deployments)
      .values({ flowId, environment, ...values })
      .onConflictDoUpdate({
        target: [tables.deployments.flowId, tables.deployments.environment],
        set: values,
      }),
  );
}

/** Row counts of the tables a turn writes, to show a refused or repeated send wrote nothing. */
export async function rowCounts(database: Database) {
  const { db, tables } = database;
  const count = async (table: SQLiteTable) => {
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(table);
    return Number(row?.n ?? 0);
  };
  return {
    conversations: await count(tables.conversations),
    messages: await count(tables.messages),
    turns: await count(tables.turns),
    events: await count(tables.events),
    jobs: await count(tables.jobs),
    audit: await count(tables.auditLog),
  };
}

/**
 * The database, except that inserting analytics events fails inside transactions: shows that a turn
 * whose last write fails leaves nothing behind.
 */
export function failingEventInserts(database: Database): Database {
  const { tables } = database;
  const fail = () => Promise.reject(new Error('disk full while writing events'));
  // Event inserts are prepared queries (conversation-records.ts): the failure comes from running one.
  const failedInsert = { prepare: () => ({ execute: fail }) };
  const failing = (tx: Db): Db =>
    new Proxy(tx, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property);
        if (property === 'insert') {
          return (table: unknown) =>
            table === tables.events
              ? { values: () => failedInsert }
              : target.insert(table as typeof tables.events);
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return { ...database, transaction: (fn) => database.transaction((tx) => fn(failing(tx))) };
}
