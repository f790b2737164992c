import { ParleyError } from '../../errors.ts';
import type { Database } from '../../store/database.ts';
import { assertKeyAllows } from '../auth/key-allows.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { conversationNotFound } from './conversation-errors.ts';
import {
  type ConversationIdInput,
  getInput,
  type ListInput,
  listInput,
  transcriptInput,
} from './conversation-inputs.ts';
import {
  type ConversationView,
  findView,
  listViews,
  readTranscript,
  type TranscriptRow,
  type ViewFilter,
} from './conversation-queries.ts';
import type { ConversationRow } from './conversation-types.ts';
import { visibleScope } from './visible-scope.ts';

/** Narrows a list to one value the caller asked for, or else to what an API key may see. */
function only(asked: string | undefined, allowed: string[] | undefined, what: string): string[] | undefined {
  if (asked === undefined) return allowed;
  if (allowed && !allowed.includes(asked)) {
    throw new ParleyError('FORBIDDEN', `this API key may not use ${what} "${asked}"`);
  }
  return [asked];
}

export function conversationReads(
  database: Database,
  existing: (conversationId: string) => Promise<ConversationRow>,
) {
  const { db, tables } = database;
  return {
    async get(actor: Principal, raw: ConversationIdInput): Promise<ConversationView> {
      const { conversationId } = parseInput(getInput, raw);
      const view = await findView(db, tables, conversationId);
      if (!view) throw conversationNotFound(conversationId);
      assertKeyAllows(actor, view.flowId, view.environment);
      return view;
    },

    /** The most recently active conversations first; an API key sees only its flows and environments. */
    async list(actor: Principal, raw: ListInput = {}): Promise<ConversationView[]> {
      const input = parseInput(listInput, raw);
      const scope = visibleScope(actor);
      const flowIds = only(input.flowId, scope.flowIds, 'flow');
      const environments = only(input.environment, scope.environments, 'environment');
      const filter: ViewFilter = {
        limit: input.limit,
        ...(input.status ? { status: input.status } : {}),
        ...(flowIds ? { flowIds } : {}),
        ...(environments ? { environments } : {}),
      };
      return listViews(db, tables, filter);
    },

    /** The conversation's messages in order: per turn, the user's event first, then the bot's replies. */
    async transcript(actor: Principal, raw: ConversationIdInput): Promise<TranscriptRow[]> {
      const { conversationId } = parseInput(transcriptInput, raw);
      const row = await existing(conversationId);
      assertKeyAllows(actor, row.flowId, row.environment);
      return readTranscript(db, tables, conversationId);
    },
  };
}
