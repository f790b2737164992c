import { compileFlow, type MachineConfig } from '@parley/nodes';
import { createFlowMachine, type FlowMachine, type RuntimeDeps } from '@parley/nodes/runtime';
import { type FlowDocument, type FlowDocumentInput, flowDocumentSchema } from '@parley/shared';
import { EngineError } from './errors.ts';

/** A published (or draft) version as stored: the flow and its compiled machine. */
export type VersionSource = { id?: string; flow: FlowDocument | FlowDocumentInput; machine?: MachineConfig };

/** A version ready to run conversations: parsed, compiled and loaded once, reused by every turn. */
export type LoadedVersion = {
  id: string;
  flow: FlowDocument;
  machineConfig: MachineConfig;
  machine: FlowMachine;
};

export function loadVersion(source: VersionSource, deps: Partial<RuntimeDeps> = {}): LoadedVersion {
  const parsed = flowDocumentSchema.safeParse(source.flow);
  if (!parsed.success) {
    throw new EngineError('BAD_VERSION', `the flow document is invalid: ${parsed.error.issues[0]?.message}`);
  }
  const machineConfig = source.machine ?? compileFlow(parsed.data);
  return {
    id: source.id ?? parsed.data.id,
    flow: parsed.data,
    machineConfig,
    machine: createFlowMachine(machineConfig, deps),
  };
}
