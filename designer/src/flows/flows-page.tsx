import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutputs } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import { flowHref } from '../routing/hash-route.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { downloadJson } from './download-json.ts';

type FlowSummary = ApiOutputs['flows']['list'][number];

function LiveCell({ live }: { live: FlowSummary['live'] }) {
  const { t } = useTranslation();
  const deployed = Object.entries(live).filter(([, summary]) => summary !== null);
  if (deployed.length === 0) return <>{t('flows.nothingLive')}</>;
  return (
    <ul className="live-list">
      {deployed.map(([environment, summary]) => (
        <li key={environment}>
          <span className="env">{environment}</span> v{summary?.versionNumber}
          {summary?.split ? ` + v${summary.split.versionNumber} (${summary.split.percent}%)` : ''}
        </li>
      ))}
    </ul>
  );
}

/** Every flow with what is published and live; create one, open one, delete one after confirming. */
export function FlowsPage() {
  const { t, i18n } = useTranslation();
  const { api } = useSignedIn();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.flows.list
      .query()
      .then(setFlows)
      .catch((cause: unknown) => setError(errorMessage(cause)));
  }, [api]);
  useEffect(reload, [reload]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const flow = await api.flows.create.mutate({ name });
      window.location.hash = flowHref(flow.id);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const duplicate = (flow: FlowSummary) =>
    attempt(async () => {
      const document = await api.flows.export.query({ flowId: flow.id });
      await api.flows.import.mutate({ flow: document, name: t('flows.copyName', { name: flow.name }) });
      reload();
    });

  const exportFlow = (flow: FlowSummary) =>
    attempt(async () => {
      const document = await api.flows.export.query({ flowId: flow.id });
      downloadJson(`${flow.name}.json`, document);
    });

  const importFile = (file: File) =>
    attempt(async () => {
      const text = await file.text();
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        throw new Error(t('flows.notJson', { file: file.name }));
      }
      const flow = await api.flows.import.mutate({ flow: document });
      window.location.hash = flowHref(flow.id);
    });

  async function remove(flow: FlowSummary) {
    if (!window.confirm(t('flows.confirmDelete', { name: flow.name }))) return;
    try {
      await api.flows.delete.mutate({ flowId: flow.id });
      reload();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }

  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main className="flows-page">
      <h1>{t('flows.heading')}</h1>
      <form className="create-flow" onSubmit={create}>
        <label>
          {t('flows.newName')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('flows.create')}</button>
        <label className="button import-button">
          {t('flows.import')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {flows === null ? (
        <p>{t('app.loading')}</p>
      ) : flows.length === 0 ? (
        <p>{t('flows.empty')}</p>
      ) : (
        <table className="flows-table">
          <thead>
            <tr>
              <th>{t('flows.name')}</th>
              <th>{t('flows.latest')}</th>
              <th>{t('flows.live')}</th>
              <th>{t('flows.updated')}</th>
              <th>{t('flows.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={flow.id} data-flow-id={flow.id}>
                <td>
                  <a href={flowHref(flow.id)}>{flow.name}</a>
                </td>
                <td>
                  {flow.latestVersion === null ? t('flows.unpublished') : `v${flow.latestVersion}`}
                  {flow.latestVersion !== null && flow.draftChanged && (
                    <span className="badge draft-changed">{t('flows.draftChanged')}</span>
                  )}
                </td>
                <td>
                  <LiveCell live={flow.live} />
                </td>
                <td>
                  {dateFormat.format(flow.updatedAt)} · {flow.updatedByName}
                </td>
                <td>
                  <div className="actions">
                    <a className="button" href={flowHref(flow.id)}>
                      {t('flows.open')}
                    </a>
                    <button type="button" onClick={() => void duplicate(flow)}>
                      {t('flows.duplicate')}
                    </button>
                    <button type="button" onClick={() => void exportFlow(flow)}>
                      {t('flows.export')}
                    </button>
                    <button type="button" className="danger" onClick={() => void remove(flow)}>
                      {t('flows.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
