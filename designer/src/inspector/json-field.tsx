import { useState } from 'react';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import { labels } from './labels.ts';

function show(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** The fallback for shapes with no editor: the text is kept while it is not valid JSON yet. */
export function JsonField({ field, path, label, required, value, onChange }: FieldProps) {
  const [draft, setDraft] = useState<{ text: string; for: unknown } | undefined>(undefined);
  // A draft only stands while the value is the one it was typed against; an outside change wins.
  const text = draft !== undefined && draft.for === value ? draft.text : show(value);
  let invalid = false;
  if (text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch {
      invalid = true;
    }
  }
  return (
    <FieldShell
      path={path}
      label={label}
      hint={invalid ? labels.invalidJson : (field.description ?? labels.jsonHint)}
    >
      {(control) => (
        <textarea
          {...control}
          data-widget="json"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            const next = event.target.value;
            if (next.trim() === '') {
              const cleared = required ? null : undefined;
              setDraft({ text: next, for: cleared });
              onChange(cleared);
              return;
            }
            try {
              const parsed: unknown = JSON.parse(next);
              setDraft({ text: next, for: parsed });
              onChange(parsed);
            } catch {
              setDraft({ text: next, for: value });
            }
          }}
        />
      )}
    </FieldShell>
  );
}
