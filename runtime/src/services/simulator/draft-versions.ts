import { compileFlow, hasErrors, validateFlow } from '@parley/nodes';
import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { Diagnostic, FlowDocument } from '@parley/shared';
import { LRUCache } from 'lru-cache';
import { type LoadedVersion, loadVersion } from '../../engine/index.ts';
import { ParleyError } from '../../errors.ts';
import { flowChecksum } from '../flows/checksum.ts';

/** "2 errors; the first, at node "ask": ..." */
function describeErrors(errors: readonly Diagnostic[]): string {
  const [first] = errors;
  const where = first?.nodeId
    ? ` at node "${first.nodeId}"`
    : first?.edgeId
      ? ` at edge "${first.edgeId}"`
      : '';
  const count = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`;
  return `${count} to fix; the first${where}: ${first?.message}`;
}

/**
 * Drafts compiled for the simulator, by checksum of the flow. Every keystroke in the designer may send a
 * slightly different draft, but most turns send the same one again: validating and compiling once per
 * distinct draft keeps a turn as cheap as in production. A draft that is edited back to an earlier state
 * hits its old entry; the least recently used are dropped beyond `capacity`.
 */
export class DraftVersions {
  private readonly entries: LRUCache<string, LoadedVersion>;

  constructor(
    private readonly deps: Partial<RuntimeDeps> = {},
    capacity = 50,
  ) {
    this.entries = new LRUCache({ max: capacity });
  }

  /** The draft ready to run; refused, naming the first problem, while validation finds errors. */
  load(flow: FlowDocument): LoadedVersion {
    const checksum = flowChecksum(flow);
    const hit = this.entries.get(checksum);
    if (hit) return hit;
    const diagnostics = validateFlow(flow);
    if (hasErrors(diagnostics)) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      // PRECONDITION_FAILED, as `versions.publish` refuses the same draft: fix it first, then try again.
      throw new ParleyError(
        'PRECONDITION_FAILED',
        `flow "${flow.id}" cannot be simulated until its draft is fixed: ${describeErrors(errors)}`,
        { diagnostics },
      );
    }
    const loaded = loadVersion({ id: `draft:${checksum}`, flow, machine: compile(flow) }, this.deps);
    this.entries.set(checksum, loaded);
    return loaded;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Validation passed, so this should not fail; if the compiler disagrees, say so rather than answer 500. */
function compile(flow: FlowDocument) {
  try {
    return compileFlow(flow);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParleyError('PRECONDITION_FAILED', `flow "${flow.id}" could not be compiled: ${reason}`);
  }
}
