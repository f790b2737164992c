import { type KeyboardEvent, useState } from 'react';
import { FieldGroup } from './field-shell.tsx';
import { type FieldProps, useFieldState, useInspector } from './inspector-context.ts';
import { labels } from './labels.ts';
import { asTextRecord, sharedText, withLanguageText } from './localised-text.ts';
import { defaultHint, textOrCleared } from './value-shape.ts';

/** `null` is the "All languages" tab: one plain string for every language. */
type Tab = string | null;

export function LocalisedTextField({ field, path, label, required, value, onChange }: FieldProps) {
  const { languages } = useInspector();
  const { control } = useFieldState(path, false);
  const record = asTextRecord(value);
  // Languages the text has but the flow no longer lists stay reachable, so they are not silently kept.
  const tabs = [...languages, ...Object.keys(record ?? {}).filter((code) => !languages.includes(code))];
  const [chosen, setChosen] = useState<Tab>(() => (record === undefined ? null : (tabs[0] ?? null)));
  const tab = chosen !== null && tabs.includes(chosen) ? chosen : null;

  const shared = sharedText(value);
  const text = tab === null ? (shared ?? '') : (record?.[tab] ?? (typeof value === 'string' ? value : ''));
  const hint =
    tab === null
      ? record !== undefined && shared === undefined
        ? labels.languagesDiffer
        : undefined
      : typeof value === 'string' && value !== ''
        ? labels.sameForAllLanguages
        : undefined;

  const edit = (next: string) => {
    if (tab === null) {
      onChange(textOrCleared(next, required));
      return;
    }
    const nextRecord = withLanguageText(value, tabs, tab, next);
    onChange(Object.keys(nextRecord).length === 0 ? textOrCleared('', required) : nextRecord);
  };

  const tabId = (code: Tab) => `${control.id}-tab-${code ?? 'all'}`;
  const panelId = `${control.id}-panel`;
  const tabName = (code: Tab) => code ?? labels.allLanguages;
  const allTabs: Tab[] = [null, ...tabs];
  // The usual tab-list keys: arrows move between languages without tabbing through every one.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = allTabs[(allTabs.indexOf(tab) + step + allTabs.length) % allTabs.length] ?? null;
    setChosen(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <FieldGroup path={path} label={label} hint={field.description}>
      <div role="tablist" aria-label={label} onKeyDown={onTabKey}>
        {allTabs.map((code) => (
          <button
            key={code ?? ''}
            id={tabId(code)}
            type="button"
            role="tab"
            aria-selected={code === tab}
            aria-controls={panelId}
            tabIndex={code === tab ? 0 : -1}
            onClick={() => setChosen(code)}
          >
            {tabName(code)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(tab)}>
        <textarea
          aria-label={labels.inLanguage(label, tabName(tab))}
          aria-invalid={control['aria-invalid']}
          aria-describedby={control['aria-describedby']}
          data-widget="localised-text"
          lang={tab ?? undefined}
          rows={2}
          value={text}
          placeholder={tab === null ? defaultHint(field.default) : undefined}
          onChange={(event) => edit(event.target.value)}
        />
        {hint === undefined ? null : <p className="inspector-hint">{hint}</p>}
      </div>
    </FieldGroup>
  );
}
