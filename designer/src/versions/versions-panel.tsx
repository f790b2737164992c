import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client.ts';
import { EnvironmentRow } from './environment-row.tsx';
import { PublishForm } from './publish-form.tsx';
import { useVersions } from './use-versions.ts';
import { type FlowDiff, VersionCompare } from './version-compare.tsx';
import { VersionHistory } from './version-history.tsx';

/** Publishing, environments with deploy and rollback, history and comparison of one flow. */
export function VersionsPanel({
  api,
  flowId,
  isAdmin,
  beforePublish,
  onDiff,
}: {
  api: ApiClient;
  flowId: string;
  isAdmin: boolean;
  beforePublish: () => Promise<void>;
  onDiff: (diff: { from: number | 'draft'; to: number | 'draft'; diff: FlowDiff } | null) => void;
}) {
  const { t } = useTranslation();
  const { data, error, reload } = useVersions(api, flowId);
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="versions-panel">
      {isAdmin ? (
        <PublishForm
          api={api}
          flowId={flowId}
          beforePublish={beforePublish}
          onPublished={() => void reload()}
        />
      ) : (
        <p className="muted">{t('versions.onlyAdmins')}</p>
      )}
      <h3>{t('versions.environments')}</h3>
      <table className="environments">
        <thead>
          <tr>
            <th>{t('versions.environment')}</th>
            <th>{t('versions.live')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {Object.entries(data.live).map(([environment, live]) => (
            <EnvironmentRow
              key={`${environment}-${data.versions[0]?.number ?? 0}`}
              api={api}
              flowId={flowId}
              environment={environment}
              live={live}
              versions={data.versions}
              canDeploy={isAdmin}
              onChanged={() => void reload()}
            />
          ))}
        </tbody>
      </table>
      {data.versions.length > 0 && (
        <VersionCompare
          key={data.versions[0]?.number}
          api={api}
          flowId={flowId}
          versions={data.versions}
          onDiff={onDiff}
        />
      )}
      <VersionHistory versions={data.versions} history={data.history} />
    </div>
  );
}
