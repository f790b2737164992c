import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ApiKeyScopes } from './column-types.ts';

/*
 * The scale-out store: the same tables as `sqlite.ts`, for PostgreSQL. Keep the two in step (the store
 * contract suite runs on both). Times are epoch milliseconds, JSON columns hold objects (the snapshot
 * excepted: JSON text).
 */

const ms = (name: string) => bigint(name, { mode: 'number' });
const json = <T>(name: string) => jsonb(name).$type<T>();
/** A jsonb column read and written as JSON text, as SQLite's text column is: the store never parses it. */
const jsonText = customType<{ data: string; driverData: string | object }>({
  dataType: () => 'jsonb',
  toDriver: (value) => value,
  // node-postgres parses jsonb as it arrives.
  fromDriver: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'operator', 'agent'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: ms('created_at').notNull(),
  disabledAt: ms('disabled_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The first characters of the key, shown in lists so an admin can tell keys apart. */
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  scopes: json<ApiKeyScopes>('scopes').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ms('created_at').notNull(),
  revokedAt: ms('revoked_at'),
});

export const flows = pgTable('flows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  draft: json<Record<string, unknown>>('draft').notNull(),
  /** Bumped by every draft save; a save based on an older revision is refused. */
  revision: integer('revision').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ms('updated_at').notNull(),
  createdAt: ms('created_at').notNull(),
  deletedAt: ms('deleted_at'),
});

export const flowVersions = pgTable(
  'flow_versions',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id),
    number: integer('number').notNull(),
    flow: json<Record<string, unknown>>('flow').notNull(),
    machine: json<Record<string, unknown>>('machine').notNull(),
    checksum: text('checksum').notNull(),
    notes: text('notes').notNull(),
    warnings: json<unknown[]>('warnings').notNull(),
    /** Outputs of the build steps node kinds declare (e.g. a trained NLU model), by step name. */
    artifacts: json<Record<string, unknown>>('artifacts')
      .notNull()
      .$defaultFn(() => ({})),
    authorId: text('author_id').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('flow_versions_number').on(t.flowId, t.number)],
);

export const deployments = pgTable(
  'deployments',
  {
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id),
    environment: text('environment').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => flowVersions.id),
    /** Optional second version that gets `splitPercent`% of new conversations. */
    splitVersionId: text('split_version_id').references(() => flowVersions.id),
    splitPercent: integer('split_percent').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.environment] })],
);

export const deploymentHistory = pgTable(
  'deployment_history',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id').notNull(),
    environment: text('environment').notNull(),
    action: text('action', { enum: ['deploy', 'rollback', 'split'] }).notNull(),
    fromVersionId: text('from_version_id'),
    toVersionId: text('to_version_id').notNull(),
    splitVersionId: text('split_version_id'),
    splitPercent: integer('split_percent').notNull(),
    actorId: text('actor_id').notNull(),
    createdAt: ms('created_at').notNull(),
    /** Orders entries made in the same millisecond. */
    seq: ms('seq').notNull(),
  },
  (t) => [index('deployment_history_env').on(t.flowId, t.environment, t.seq)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id').notNull(),
    environment: text('environment').notNull(),
    versionId: text('version_id').notNull(),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    locale: text('locale').notNull(),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    /** XState's persisted snapshot: jsonb in the table, JSON text to the engine (see jsonText). */
    snapshot: jsonText('snapshot').notNull(),
    node: text('node'),
    resolution: text('resolution'),
    /** Turns taken; the next transcript entries continue from it. */
    turns: integer('turns').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [
    index('conversations_address').on(t.channel, t.address, t.flowId, t.status),
    index('conversations_version_node').on(t.versionId, t.status, t.node),
  ],
);

/** The transcript, keyed by where each message stands in its conversation. */
export const messages = pgTable(
  'messages',
  {
    conversationId: text('conversation_id').notNull(),
    turn: integer('turn').notNull(),
    /** Position within the turn: the user's message first, then the bot's replies. */
    position: integer('position').notNull(),
    direction: text('direction', { enum: ['user', 'bot'] }).notNull(),
    body: json<Record<string, unknown>>('body').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.turn, t.position] })],
);

/** One row per processed end-user event, keyed by the sender's message id: a retry returns `reply`. */
export const turns = pgTable(
  'turns',
  {
    conversationId: text('conversation_id').notNull(),
    messageId: text('message_id').notNull(),
    turn: integer('turn').notNull(),
    reply: json<Record<string, unknown>>('reply').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.messageId] })],
);

/** Analytics: one row per thing that happened in a conversation. */
export const events = pgTable(
  'events',
  {
    /** Assigned by the database in insertion order. */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: text('conversation_id').notNull(),
    flowId: text('flow_id').notNull(),
    versionId: text('version_id').notNull(),
    type: text('type').notNull(),
    nodeId: text('node_id'),
    data: json<Record<string, unknown>>('data').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('events_flow_type').on(t.flowId, t.type, t.createdAt)],
);

/** Durable timers: no-input reminders and expiry; fired by the runtime, also after a restart. */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['no-input', 'expire'] }).notNull(),
    conversationId: text('conversation_id').notNull(),
    runAt: ms('run_at').notNull(),
    /** Set while a runtime instance works on the job; a crashed instance's claim lapses. */
    lockedUntil: ms('locked_until'),
    attempts: integer('attempts').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('jobs_due').on(t.runAt), uniqueIndex('jobs_conversation_kind').on(t.conversationId, t.kind)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    actorType: text('actor_type', { enum: ['user', 'api-key', 'system'] }).notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    beforeId: text('before_id'),
    afterId: text('after_id'),
    details: json<Record<string, unknown>>('details').notNull(),
    createdAt: ms('created_at').notNull(),
    seq: ms('seq').notNull(),
  },
  (t) => [index('audit_log_seq').on(t.seq)],
);
