import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-draft.ts';

/** Where the draft stands; a conflict names who saved and offers to reload theirs or keep these edits. */
export function SaveStatus({
  save,
  onReload,
  onOverwrite,
}: {
  save: SaveState;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  const { t } = useTranslation();
  switch (save.state) {
    case 'saved':
      return <span className="save-status saved">{t('editor.saved', { revision: save.revision })}</span>;
    case 'dirty':
      return <span className="save-status dirty">{t('editor.unsaved')}</span>;
    case 'saving':
      return <span className="save-status saving">{t('editor.saving')}</span>;
    case 'failed':
      return (
        <span role="alert" className="save-status failed">
          {t('editor.saveFailed', { message: save.message })}
        </span>
      );
    case 'conflict':
      return (
        <div role="alert" className="save-status conflict">
          <span>{save.message}</span>
          <button type="button" onClick={onReload}>
            {t('editor.reload')}
          </button>
          <button type="button" className="danger" onClick={onOverwrite}>
            {t('editor.overwrite')}
          </button>
        </div>
      );
  }
}
