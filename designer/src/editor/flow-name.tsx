import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The flow's name as the editor's title; renaming edits the draft's `name`, saved like any other edit. */
export function FlowName({ name, onRename }: { name: string; onRename: (name: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);

  if (editing === null) {
    return (
      <div className="flow-name">
        <h1>{name}</h1>
        <button type="button" className="link" onClick={() => setEditing(name)}>
          {t('editor.rename')}
        </button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = editing.trim();
    if (trimmed !== '' && trimmed !== name) onRename(trimmed);
    setEditing(null);
  };
  return (
    <form className="flow-name" onSubmit={submit}>
      <input
        aria-label={t('editor.flowName')}
        value={editing}
        maxLength={120}
        // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
        autoFocus
        onChange={(e) => setEditing(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
      />
      <button type="submit">{t('editor.saveName')}</button>
    </form>
  );
}
