import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import { defaultHint, textOrCleared } from './value-shape.ts';

export function TextField({ field, path, label, required, value, onChange }: FieldProps) {
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={typeof value === 'string' ? value : ''}
          placeholder={defaultHint(field.default)}
          onChange={(event) => onChange(textOrCleared(event.target.value, required))}
        />
      )}
    </FieldShell>
  );
}
