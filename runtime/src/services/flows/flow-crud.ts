import type { FlowDocument } from '@parley/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { ParleyError } from '../../errors.ts';
import type { Db } from '../../store/database.ts';
import { recordAudit } from '../audit.ts';
import { newId } from '../clock.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { actorName } from './actor-names.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { parseFlowDocument, starterFlow, storedFlow } from './flow-document.ts';
import {
  type CreateFlowInput,
  createFlowInput,
  flowInput,
  type ImportFlowInput,
  importFlowInput,
  renameFlowInput,
} from './inputs.ts';
import { type FlowRow, findFlow } from './records.ts';
import { RaceLost, retryOnRace } from './retry-on-race.ts';
import { assertScope } from './scope.ts';

export type FlowView = {
  id: string;
  name: string;
  /** Pass it back as `baseRevision` when saving the draft. */
  revision: number;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
  updatedByName: string;
  draft: FlowDocument;
};

/** Creating, reading, renaming, deleting, importing and exporting flows. Drafts are saved in `draft.ts`. */
export function flowCrudMethods({ database, clock }: FlowServiceDeps) {
  const { db, tables } = database;

  const view = async (reader: Db, row: FlowRow): Promise<FlowView> => ({
    id: row.id,
    name: row.name,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    updatedByName: await actorName(reader, tables, row.updatedBy),
    draft: storedFlow(row.draft),
  });

  async function insertFlow(actor: Principal, draft: FlowDocument, action: string): Promise<FlowView> {
    const now = clock.now();
    return database.transaction(async (tx) => {
      const [row] = await tx
        .insert(tables.flows)
        .values({
          id: draft.id,
          name: draft.name,
          draft,
          revision: 1,
          updatedBy: actor.id,
          updatedAt: now,
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error(`flow "${draft.id}" was not stored`);
      await recordAudit(
        tx,
        tables,
        actor,
        { action, targetType: 'flow', targetId: row.id, details: { name: row.name } },
        now,
      );
      return view(tx, row);
    });
  }

  return {
    /** A new flow from a name (start and end nodes) or from a flow document; either way it gets a new id. */
    async create(actor: Principal, raw: CreateFlowInput): Promise<FlowView> {
      const input = parseInput(createFlowInput, raw);
      const id = newId('flow');
      if (input.flow === undefined)
        return insertFlow(actor, starterFlow(id, input.name ?? 'Untitled flow'), 'flow.create');
      const imported = parseFlowDocument(input.flow, 'flow');
      return insertFlow(actor, { ...imported, id, name: input.name ?? imported.name }, 'flow.import');
    },

    /** A new flow from an exported flow document; BAD_REQUEST names what is not a flow document. */
    async importFlow(actor: Principal, raw: ImportFlowInput): Promise<FlowView> {
      const input = parseInput(importFlowInput, raw);
      const imported = parseFlowDocument(input.flow, 'flow');
      return insertFlow(
        actor,
        { ...imported, id: newId('flow'), name: input.name ?? imported.name },
        'flow.import',
      );
    },

    async get(flowId: string): Promise<FlowView> {
      const input = parseInput(flowInput, { flowId });
      return view(db, await findFlow(db, tables, input.flowId));
    },

    /** The draft as a flow document, ready to save as a file and import elsewhere. */
    async exportFlow(flowId: string): Promise<FlowDocument> {
      const input = parseInput(flowInput, { flowId });
      return storedFlow((await findFlow(db, tables, input.flowId)).draft);
    },

    /** Renames the flow; the draft's `name` follows, so this is a new revision. */
    async rename(actor: Principal, flowId: string, name: string): Promise<FlowView> {
      const input = parseInput(renameFlowInput, { flowId, name });
      assertScope(actor, input.flowId);
      const now = clock.now();
      return retryOnRace('the flow', () =>
        database.transaction(async (tx) => {
          const flow = await findFlow(tx, tables, input.flowId);
          const [row] = await tx
            .update(tables.flows)
            .set({
              name: input.name,
              draft: { ...flow.draft, name: input.name },
              revision: flow.revision + 1,
              updatedBy: actor.id,
              updatedAt: now,
            })
            .where(and(eq(tables.flows.id, flow.id), eq(tables.flows.revision, flow.revision)))
            .returning();
          if (!row) throw new RaceLost('the flow');
          await recordAudit(
            tx,
            tables,
            actor,
            {
              action: 'flow.rename',
              targetType: 'flow',
              targetId: flow.id,
              details: { from: flow.name, to: input.name },
            },
            now,
          );
          return view(tx, row);
        }),
      );
    },

    /**
     * Deletes the flow softly: it leaves lists and lookups, new conversations cannot start on it, and
     * its versions and running conversations stay as they are.
     */
    async remove(actor: Principal, flowId: string): Promise<void> {
      const input = parseInput(flowInput, { flowId });
      assertScope(actor, input.flowId);
      const now = clock.now();
      await database.transaction(async (tx) => {
        const [row] = await tx
          .update(tables.flows)
          .set({ deletedAt: now })
          .where(and(eq(tables.flows.id, input.flowId), isNull(tables.flows.deletedAt)))
          .returning({ id: tables.flows.id, name: tables.flows.name });
        if (!row) throw new ParleyError('NOT_FOUND', `there is no flow "${input.flowId}"`);
        await recordAudit(
          tx,
          tables,
          actor,
          { action: 'flow.delete', targetType: 'flow', targetId: row.id, details: { name: row.name } },
          now,
        );
      });
    },
  };
}
