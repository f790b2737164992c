import type { FlowDocument } from '@parley/shared';
import type { Db, Tables } from '../../store/database.ts';
import { parseInput } from '../parse-input.ts';
import { diffFlows, type FlowDiff } from './diff.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { storedFlow } from './flow-document.ts';
import { diffInput, type VersionRef } from './inputs.ts';
import { findFlow, findVersion } from './records.ts';

async function documentAt(db: Db, tables: Tables, flowId: string, ref: VersionRef): Promise<FlowDocument> {
  if (ref === 'draft') return storedFlow((await findFlow(db, tables, flowId)).draft);
  return storedFlow((await findVersion(db, tables, flowId, ref)).flow);
}

export function diffMethods({ database }: FlowServiceDeps) {
  const { db, tables } = database;
  return {
    /** What changed from `from` to `to`: each a version number, or `'draft'` for the unpublished draft. */
    async diff(flowId: string, from: VersionRef, to: VersionRef): Promise<FlowDiff> {
      const input = parseInput(diffInput, { flowId, from, to });
      await findFlow(db, tables, input.flowId);
      return diffFlows(
        await documentAt(db, tables, input.flowId, input.from),
        await documentAt(db, tables, input.flowId, input.to),
      );
    },
  };
}
