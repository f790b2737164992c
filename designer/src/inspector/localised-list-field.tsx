import { type KeyboardEvent, useState } from 'react';
import { FieldGroup } from './field-shell.tsx';
import { type FieldProps, useFieldState, useInspector } from './inspector-context.ts';
import { labels } from './labels.ts';
import { asTextLists, linesOf, withLanguageLines } from './localised-list.ts';

/**
 * Lists per language (an intent's training phrases): a tab per flow language, one entry a line. The text
 * typed is kept as it is while editing, so a new line is not swallowed before its entry is written.
 */
export function LocalisedListField({ path, label, field, value, onChange }: FieldProps) {
  const { languages } = useInspector();
  const { control } = useFieldState(path, false);
  const lists = asTextLists(value);
  const tabs = [...languages, ...Object.keys(lists).filter((code) => !languages.includes(code))];
  const [chosen, setChosen] = useState(tabs[0] ?? '');
  const tab = tabs.includes(chosen) ? chosen : (tabs[0] ?? '');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const stored = (lists[tab] ?? []).join('\n');
  const draft = drafts[tab];
  // The typed text stands while it says what is stored (an undo elsewhere replaces it).
  const text = draft !== undefined && linesOf(draft).join('\n') === stored ? draft : stored;

  const tabId = (code: string) => `${control.id}-tab-${code}`;
  const panelId = `${control.id}-panel`;
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || tabs.length === 0) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] ?? tab;
    setChosen(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <FieldGroup path={path} label={label} hint={field.description}>
      <div role="tablist" aria-label={label} onKeyDown={onTabKey}>
        {tabs.map((code) => (
          <button
            key={code}
            id={tabId(code)}
            type="button"
            role="tab"
            aria-selected={code === tab}
            aria-controls={panelId}
            tabIndex={code === tab ? 0 : -1}
            onClick={() => setChosen(code)}
          >
            {code} ({lists[code]?.length ?? 0})
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(tab)}>
        <textarea
          aria-label={labels.inLanguage(label, tab)}
          aria-invalid={control['aria-invalid']}
          aria-describedby={control['aria-describedby']}
          data-widget="localised-list"
          lang={tab}
          rows={5}
          value={text}
          placeholder={labels.onePerLine}
          onChange={(event) => {
            setDrafts({ ...drafts, [tab]: event.target.value });
            onChange(withLanguageLines(lists, tab, event.target.value));
          }}
        />
      </div>
    </FieldGroup>
  );
}
