import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, ApiOutputs } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { Live, VersionSummary } from './use-versions.ts';

type Preview = ApiOutputs['deployments']['deployPreview'];

/**
 * One environment: what is live, a deploy that first shows which live conversations it touches, and a
 * rollback to the version live before.
 */
export function EnvironmentRow({
  api,
  flowId,
  environment,
  live,
  versions,
  canDeploy,
  onChanged,
}: {
  api: ApiClient;
  flowId: string;
  environment: string;
  live: Live[string];
  versions: VersionSummary[];
  canDeploy: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<number | null>(versions[0]?.number ?? null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  const showPreview = () =>
    run(async () => {
      if (target === null) return;
      setPreview(await api.deployments.deployPreview.query({ flowId, environment, versionNumber: target }));
    });
  const deploy = () =>
    run(async () => {
      if (!preview) return;
      await api.deployments.deploy.mutate({ flowId, environment, versionNumber: preview.target });
      setPreview(null);
      onChanged();
    });
  const rollback = () =>
    run(async () => {
      await api.deployments.rollback.mutate({ flowId, environment });
      onChanged();
    });

  const affected = preview?.affected.reduce((sum, node) => sum + node.conversations, 0) ?? 0;
  return (
    <tr data-environment={environment}>
      <td>{environment}</td>
      <td className="live-version">{live ? `v${live.versionNumber}` : t('versions.none')}</td>
      <td>
        {canDeploy && versions.length > 0 && (
          <div className="deploy-controls">
            <select
              aria-label={`${t('versions.version')} (${environment})`}
              value={target ?? ''}
              onChange={(e) => {
                setTarget(Number(e.target.value));
                setPreview(null);
              }}
            >
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  v{v.number}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void showPreview()}>
              {t('versions.deploy')}
            </button>
            {live && (
              <button type="button" onClick={() => void rollback()}>
                {t('versions.rollback')}
              </button>
            )}
          </div>
        )}
        {preview && (
          <div className="deploy-preview" role="dialog" aria-label={t('versions.preview')}>
            <p>
              {t('versions.previewSummary', {
                target: preview.target,
                environment,
                affected,
                unaffected: preview.unaffected,
              })}
            </p>
            <ul>
              {preview.affected.map((node) => (
                <li key={node.nodeId}>
                  {t('versions.previewNode', {
                    node: node.nodeId,
                    change: t(`versions.change.${node.change}`),
                    count: node.conversations,
                  })}
                </li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={() => void deploy()}>
              {t('versions.confirmDeploy', { target: preview.target })}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('versions.cancel')}
            </button>
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
