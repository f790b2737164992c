import { validateFlow } from '@parley/nodes';
import type { Diagnostic } from '@parley/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { ParleyError } from '../../errors.ts';
import type { Db, Tables } from '../../store/database.ts';
import { recordAudit } from '../audit.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { actorName } from './actor-names.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { parseFlowDocument } from './flow-document.ts';
import { type SaveDraftInput, saveDraftInput } from './inputs.ts';
import { findFlow } from './records.ts';
import { assertScope } from './scope.ts';

export type SavedDraft = {
  revision: number;
  updatedAt: number;
  /** Problems to fix before publishing; a draft may have them. */
  diagnostics: Diagnostic[];
};

/** `2024-05-01 12:03 UTC`: the server cannot know the reader's time zone, so it says which it uses. */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The CONFLICT for a save based on a revision that is no longer the latest. */
async function staleDraft(
  db: Db,
  tables: Tables,
  flowId: string,
  baseRevision: number,
): Promise<ParleyError> {
  const current = await findFlow(db, tables, flowId);
  const name = await actorName(db, tables, current.updatedBy);
  return new ParleyError(
    'CONFLICT',
    `the draft was changed by ${name} at ${formatTime(current.updatedAt)} (revision ${current.revision}, ` +
      `this edit started from revision ${baseRevision}); reload it or overwrite`,
    {
      revision: current.revision,
      updatedBy: current.updatedBy,
      updatedByName: name,
      updatedAt: current.updatedAt,
    },
  );
}

export function draftMethods({ database, clock }: FlowServiceDeps) {
  const { tables } = database;
  return {
    /**
     * Saves the draft if nobody saved since `baseRevision`; two saves on the same base cannot both win,
     * because the update only matches while the revision is still the base.
     */
    async saveDraft(actor: Principal, raw: SaveDraftInput): Promise<SavedDraft> {
      const input = parseInput(saveDraftInput, raw);
      assertScope(actor, input.flowId);
      const draft = parseFlowDocument(input.draft, 'draft');
      if (draft.id !== input.flowId) {
        throw new ParleyError(
          'BAD_REQUEST',
          `the draft's id "${draft.id}" is not this flow's id "${input.flowId}"; was it meant for another flow?`,
        );
      }
      const now = clock.now();
      return database.transaction(async (tx) => {
        const [row] = await tx
          .update(tables.flows)
          .set({
            draft,
            name: draft.name,
            revision: input.baseRevision + 1,
            updatedBy: actor.id,
            updatedAt: now,
          })
          .where(
            and(
              eq(tables.flows.id, input.flowId),
              eq(tables.flows.revision, input.baseRevision),
              isNull(tables.flows.deletedAt),
            ),
          )
          .returning({ revision: tables.flows.revision });
        if (!row) throw await staleDraft(tx, tables, input.flowId, input.baseRevision);
        await recordAudit(
          tx,
          tables,
          actor,
          {
            action: 'flow.save-draft',
            targetType: 'flow',
            targetId: input.flowId,
            details: { revision: row.revision },
          },
          now,
        );
        return { revision: row.revision, updatedAt: now, diagnostics: validateFlow(draft) };
      });
    },
  };
}
