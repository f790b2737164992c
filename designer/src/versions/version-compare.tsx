import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, ApiOutputs } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { VersionSummary } from './use-versions.ts';

export type FlowDiff = ApiOutputs['versions']['diff'];
type Ref = number | 'draft';

const parseRef = (value: string): Ref => (value === 'draft' ? 'draft' : Number(value));

/** Picks two versions (or the draft) and shows what changed between them; the canvas colours it. */
export function VersionCompare({
  api,
  flowId,
  versions,
  onDiff,
}: {
  api: ApiClient;
  flowId: string;
  versions: VersionSummary[];
  onDiff: (diff: { from: Ref; to: Ref; diff: FlowDiff } | null) => void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<Ref>(versions[1]?.number ?? versions[0]?.number ?? 'draft');
  const [to, setTo] = useState<Ref>(versions[0]?.number ?? 'draft');
  const [diff, setDiff] = useState<FlowDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function compare() {
    setError(null);
    try {
      const found = await api.versions.diff.query({ flowId, from, to });
      setDiff(found);
      onDiff({ from, to, diff: found });
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }

  const options = [
    ...versions.map((v) => ({ value: String(v.number), label: `v${v.number}` })),
    { value: 'draft', label: t('versions.draft') },
  ];
  const picker = (label: string, value: Ref, set: (ref: Ref) => void) => (
    <label>
      {label}
      <select value={String(value)} onChange={(e) => set(parseRef(e.target.value))}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="version-compare">
      <h3>{t('versions.compare')}</h3>
      <div className="compare-pickers">
        {picker(t('versions.from'), from, setFrom)}
        {picker(t('versions.to'), to, setTo)}
        <button type="button" onClick={() => void compare()}>
          {t('versions.showDiff')}
        </button>
        {diff && (
          <button
            type="button"
            onClick={() => {
              setDiff(null);
              onDiff(null);
            }}
          >
            {t('versions.clearDiff')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {diff && (
        <div className="diff-summary" role="status">
          <p>
            {t('versions.diffSummary', {
              added: diff.nodes.added.length,
              removed: diff.nodes.removed.length,
              changed: diff.nodes.changed.length,
            })}
          </p>
          <ul>
            {diff.nodes.added.map((n) => (
              <li key={`a-${n.id}`} className="diff-added">
                {t('versions.diffAdded')}: <code>{n.id}</code>
              </li>
            ))}
            {diff.nodes.removed.map((n) => (
              <li key={`r-${n.id}`} className="diff-removed">
                {t('versions.diffRemoved')}: <code>{n.id}</code>
              </li>
            ))}
            {diff.nodes.changed.map((c) => (
              <li key={`c-${c.id}`} className="diff-changed">
                {t('versions.diffChanged')}: <code>{c.id}</code> ({c.paths.join(', ')})
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
