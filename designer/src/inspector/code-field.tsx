import { CodeEditor } from './code-editor.tsx';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import type { FieldOf } from './schema-fields.ts';
import { defaultHint, textOrCleared } from './value-shape.ts';

export function CodeField({ field, path, label, required, value, onChange }: FieldProps<FieldOf<'code'>>) {
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => (
        <CodeEditor
          {...control}
          widget={field.widget}
          value={typeof value === 'string' ? value : ''}
          placeholder={defaultHint(field.default)}
          onChange={(text) => onChange(textOrCleared(text, required))}
        />
      )}
    </FieldShell>
  );
}
