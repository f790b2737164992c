import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, ApiOutputs } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';

export type VersionSummary = ApiOutputs['versions']['list'][number];
export type HistoryEntry = ApiOutputs['deployments']['history'][number];
export type Live = ApiOutputs['flows']['list'][number]['live'];

export type VersionsData = { versions: VersionSummary[]; history: HistoryEntry[]; live: Live };

/** A flow's published versions, deployment history and what is live where; `reload` after a change. */
export function useVersions(api: ApiClient, flowId: string) {
  const [data, setData] = useState<VersionsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const [versions, history, flows] = await Promise.all([
        api.versions.list.query({ flowId }),
        api.deployments.history.query({ flowId, limit: 50 }),
        api.flows.list.query(),
      ]);
      const live = flows.find((flow) => flow.id === flowId)?.live ?? {};
      setData({ versions: [...versions].sort((a, b) => b.number - a.number), history, live });
      setError(null);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }, [api, flowId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
