import { useTranslation } from 'react-i18next';
import type { HistoryEntry, VersionSummary } from './use-versions.ts';

/** Published versions with author and notes, newest first, and where each went. */
export function VersionHistory({
  versions,
  history,
}: {
  versions: VersionSummary[];
  history: HistoryEntry[];
}) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h3>{t('versions.history')}</h3>
      {versions.length === 0 ? (
        <p className="muted">{t('versions.noVersions')}</p>
      ) : (
        <ol className="version-history">
          {versions.map((v) => (
            <li key={v.number} data-version={v.number}>
              <strong>
                {t('versions.by', { number: v.number, author: v.authorName, time: time.format(v.createdAt) })}
              </strong>
              <p className={v.notes ? '' : 'muted'}>{v.notes || t('versions.noNotes')}</p>
            </li>
          ))}
        </ol>
      )}
      {history.length > 0 && (
        <>
          <h3>{t('versions.deployments')}</h3>
          <ol className="deployment-history">
            {history.map((entry) => (
              <li key={entry.id}>
                {t(entry.fromVersion === null ? 'versions.firstDeployment' : 'versions.deployment', {
                  environment: entry.environment,
                  action: t(`versions.action.${entry.action}`),
                  from: entry.fromVersion,
                  to: entry.toVersion,
                  actor: entry.actorName,
                  time: time.format(entry.createdAt),
                })}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
