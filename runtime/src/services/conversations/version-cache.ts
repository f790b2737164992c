import type { MachineConfig } from '@parley/nodes';
import type { RuntimeDeps } from '@parley/nodes/runtime';
import type { FlowDocumentInput } from '@parley/shared';
import { eq } from 'drizzle-orm';
import { type LoadedVersion, loadVersion } from '../../engine/index.ts';
import { ParleyError } from '../../errors.ts';
import type { Database } from '../../store/database.ts';

export type CachedVersion = { loaded: LoadedVersion; flowId: string; number: number };

/**
 * Published versions ready to run, by version id. Versions never change once published, so entries
 * never go stale; the least recently used is dropped beyond `capacity`. Concurrent misses for one id
 * share one load.
 */
export class VersionCache {
  private readonly entries = new Map<string, Promise<CachedVersion>>();

  constructor(
    private readonly database: Database,
    private readonly capacity = 100,
    private readonly deps: Partial<RuntimeDeps> = {},
  ) {}

  get(versionId: string): Promise<CachedVersion> {
    const hit = this.entries.get(versionId);
    if (hit) {
      // Re-inserting moves the entry to the back of Map's insertion order: the most recently used.
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
      return hit;
    }
    const loading = this.load(versionId);
    this.entries.set(versionId, loading);
    loading.catch(() => this.entries.delete(versionId));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return loading;
  }

  get size(): number {
    return this.entries.size;
  }

  private async load(versionId: string): Promise<CachedVersion> {
    const { db, tables } = this.database;
    const [row] = await db
      .select({
        flowId: tables.flowVersions.flowId,
        number: tables.flowVersions.number,
        flow: tables.flowVersions.flow,
        machine: tables.flowVersions.machine,
      })
      .from(tables.flowVersions)
      .where(eq(tables.flowVersions.id, versionId));
    if (!row) throw new ParleyError('NOT_FOUND', `flow version "${versionId}" does not exist`);
    const loaded = loadVersion(
      // loadVersion parses the flow again; the machine is stored as the compiler wrote it at publish.
      { id: versionId, flow: row.flow as FlowDocumentInput, machine: row.machine as MachineConfig },
      this.deps,
    );
    return { loaded, flowId: row.flowId, number: row.number };
  }
}
