import type { FlowDocument } from '@parley/shared';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import { type DiffView, diffView } from '../canvas/index.ts';
import type { FlowDiff } from '../versions/version-compare.tsx';

type Ref = number | 'draft';
export type ShownDiff = DiffView & { from: Ref; to: Ref };

/** The comparison the canvas shows instead of the draft: the `to` side with removed nodes as ghosts. */
export function useDiffView(api: ApiClient, flowId: string, draft: FlowDocument | null) {
  const [shown, setShown] = useState<ShownDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback(
    async (compared: { from: Ref; to: Ref; diff: FlowDiff } | null) => {
      setError(null);
      if (!compared || !draft) {
        setShown(null);
        return;
      }
      const flowAt = async (ref: Ref) =>
        ref === 'draft' ? draft : (await api.versions.get.query({ flowId, versionNumber: ref })).flow;
      try {
        const [from, to] = await Promise.all([flowAt(compared.from), flowAt(compared.to)]);
        setShown({ ...diffView(from, to, compared.diff), from: compared.from, to: compared.to });
      } catch (cause) {
        setError(errorMessage(cause));
      }
    },
    [api, flowId, draft],
  );

  return { shown, error, show };
}
