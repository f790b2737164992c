import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, ApiOutputs } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';

type Published = ApiOutputs['versions']['publish'];

/** Publishes the saved draft with notes; the server refuses a draft with errors and returns its warnings. */
export function PublishForm({
  api,
  flowId,
  beforePublish,
  onPublished,
}: {
  api: ApiClient;
  flowId: string;
  /** Saves pending edits first: what is published is the draft as stored. */
  beforePublish: () => Promise<void>;
  onPublished: (published: Published) => void;
}) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState('');
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<{ published?: Published; error?: string } | null>(null);

  async function publish(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    try {
      await beforePublish();
      const published = await api.versions.publish.mutate({ flowId, notes });
      setOutcome({ published });
      setNotes('');
      onPublished(published);
    } catch (cause) {
      setOutcome({ error: errorMessage(cause) });
    } finally {
      setWorking(false);
    }
  }

  return (
    <form className="publish-form" onSubmit={publish}>
      <h3>{t('versions.publishHeading')}</h3>
      <label>
        {t('versions.notes')}
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button type="submit" disabled={working}>
        {working ? t('versions.publishing') : t('versions.publish')}
      </button>
      {outcome?.error && (
        <p role="alert" className="error">
          {outcome.error}
        </p>
      )}
      {outcome?.published && (
        <div role="status" className="published">
          <p>{t('versions.published', { number: outcome.published.version.number })}</p>
          {outcome.published.warnings.length > 0 && (
            <>
              <h4>{t('versions.warnings')}</h4>
              <ul>
                {outcome.published.warnings.map((warning) => (
                  <li key={`${warning.code}-${warning.nodeId ?? ''}`}>{warning.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
