import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db, Tables } from '../../store/database.ts';
import type { ConversationRow } from './conversation-types.ts';

/** What the console and connectors see of a conversation: its state, not its snapshot (which holds variables). */
function viewColumns(tables: Tables) {
  const c = tables.conversations;
  return {
    id: c.id,
    flowId: c.flowId,
    environment: c.environment,
    versionId: c.versionId,
    version: tables.flowVersions.number,
    channel: c.channel,
    address: c.address,
    locale: c.locale,
    status: c.status,
    node: c.node,
    resolution: c.resolution,
    turns: c.turns,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    expiresAt: c.expiresAt,
  };
}

function selectViews(db: Db, tables: Tables) {
  return db
    .select(viewColumns(tables))
    .from(tables.conversations)
    .innerJoin(tables.flowVersions, eq(tables.flowVersions.id, tables.conversations.versionId));
}

export type ConversationView = Awaited<ReturnType<typeof selectViews>>[number];

export async function findView(db: Db, tables: Tables, id: string): Promise<ConversationView | undefined> {
  const [view] = await selectViews(db, tables).where(eq(tables.conversations.id, id));
  return view;
}

export type ViewFilter = {
  flowIds?: string[];
  environments?: string[];
  status?: 'active' | 'ended';
  limit: number;
};

/** The most recently updated conversations first. */
export async function listViews(db: Db, tables: Tables, filter: ViewFilter): Promise<ConversationView[]> {
  const c = tables.conversations;
  if (filter.flowIds?.length === 0 || filter.environments?.length === 0) return [];
  const conditions: SQL[] = [];
  if (filter.flowIds) conditions.push(inArray(c.flowId, filter.flowIds));
  if (filter.environments) conditions.push(inArray(c.environment, filter.environments));
  if (filter.status) conditions.push(eq(c.status, filter.status));
  return selectViews(db, tables)
    .where(and(...conditions))
    .orderBy(desc(c.updatedAt), desc(c.id))
    .limit(filter.limit);
}

/** The newest conversation still going at a channel address, if it has not gone idle. */
export async function findActiveAt(
  db: Db,
  tables: Tables,
  at: { channel: string; address: string; flowId: string; environment: string },
  now: number,
): Promise<ConversationRow | undefined> {
  const c = tables.conversations;
  const [row] = await db
    .select()
    .from(c)
    .where(
      and(
        eq(c.channel, at.channel),
        eq(c.address, at.address),
        eq(c.flowId, at.flowId),
        eq(c.status, 'active'),
        eq(c.environment, at.environment),
        gt(c.expiresAt, now),
      ),
    )
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(1);
  return row;
}

export async function readTranscript(db: Db, tables: Tables, conversationId: string) {
  const m = tables.messages;
  return db
    .select({
      turn: m.turn,
      position: m.position,
      direction: m.direction,
      body: m.body,
      createdAt: m.createdAt,
    })
    .from(m)
    .where(eq(m.conversationId, conversationId))
    .orderBy(asc(m.turn), asc(m.position));
}

export type TranscriptRow = Awaited<ReturnType<typeof readTranscript>>[number];
