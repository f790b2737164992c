import { compileFlow, hasErrors, type MachineConfig, validateFlow } from '@parley/nodes';
import type { Diagnostic, FlowDocument } from '@parley/shared';
import { ParleyError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { newId } from '../clock.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { type BuildStep, buildSteps as nodeBuildSteps } from './build-steps.ts';
import { flowChecksum } from './checksum.ts';
import type { FlowServiceDeps } from './flow-deps.ts';
import { storedFlow } from './flow-document.ts';
import { type PublishOptions, publishInput } from './inputs.ts';
import { findFlow, latestVersion } from './records.ts';
import { retryOnRace } from './retry-on-race.ts';
import { assertScope } from './scope.ts';
import { type VersionSummary, versionSummary } from './versions.ts';

export type Published = { version: VersionSummary; warnings: Diagnostic[] };

function describe(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const shown = errors.slice(0, 3).map((d) => d.message);
  if (errors.length > shown.length) shown.push(`and ${errors.length - shown.length} more`);
  return `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: ${shown.join('; ')}`;
}

function compile(flowId: string, flow: FlowDocument): MachineConfig {
  try {
    return compileFlow(flow);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParleyError('PRECONDITION_FAILED', `flow "${flowId}" could not be compiled: ${reason}`);
  }
}

async function runBuildSteps(flowId: string, steps: readonly BuildStep[], flow: FlowDocument) {
  const artifacts: Record<string, unknown> = {};
  for (const step of steps) {
    try {
      artifacts[step.name] = await step.run(flow);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ParleyError(
        'PRECONDITION_FAILED',
        `flow "${flowId}" was not published: build step "${step.name}" failed: ${reason}`,
      );
    }
  }
  return artifacts;
}

export function publishMethods({ database, clock, buildSteps = nodeBuildSteps }: FlowServiceDeps) {
  const { db, tables } = database;
  return {
    /**
     * Publishes the draft as the next immutable version: validated (errors refuse, warnings come back),
     * compiled, built. Build steps may be slow, so they run before the transaction that numbers the version.
     */
    async publish(actor: Principal, flowId: string, options: PublishOptions = {}): Promise<Published> {
      const input = parseInput(publishInput, { ...options, flowId });
      assertScope(actor, input.flowId);
      const draftRow = await findFlow(db, tables, input.flowId);
      const diagnostics = validateFlow(draftRow.draft);
      if (hasErrors(diagnostics)) {
        throw new ParleyError(
          'PRECONDITION_FAILED',
          `flow "${input.flowId}" cannot be published until its draft is fixed: ${describe(diagnostics)}`,
          { diagnostics },
        );
      }
      const flow = storedFlow(draftRow.draft);
      const machine = compile(input.flowId, flow);
      const artifacts = await runBuildSteps(input.flowId, buildSteps, flow);
      const checksum = flowChecksum(flow);

      return retryOnRace('the flow', () =>
        database.transaction(async (tx) => {
          await findFlow(tx, tables, input.flowId);
          const latest = await latestVersion(tx, tables, input.flowId);
          const warnings: Diagnostic[] = diagnostics.filter((d) => d.severity === 'warning');
          if (latest?.checksum === checksum) {
            warnings.push({
              severity: 'warning',
              code: 'unchanged-version',
              message: `the draft is the same as version ${latest.number}; the new version changes nothing`,
            });
          }
          const now = clock.now();
          const [row] = await tx
            .insert(tables.flowVersions)
            .values({
              id: newId('ver'),
              flowId: input.flowId,
              number: (latest?.number ?? 0) + 1,
              flow,
              machine,
              checksum,
              notes: input.notes,
              warnings,
              artifacts,
              authorId: actor.id,
              createdAt: now,
            })
            .returning();
          if (!row) throw new Error(`a version of flow "${input.flowId}" was not stored`);
          await recordAudit(
            tx,
            tables,
            actor,
            {
              action: 'flow.publish',
              targetType: 'flow',
              targetId: input.flowId,
              beforeId: latest?.id ?? null,
              afterId: row.id,
              details: { number: row.number, checksum, draftRevision: draftRow.revision },
            },
            now,
          );
          return { version: await versionSummary(tx, tables, row), warnings };
        }),
      );
    },
  };
}
