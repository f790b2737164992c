import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';

export function BooleanField({ field, path, label, value, onChange }: FieldProps) {
  const checked = typeof value === 'boolean' ? value : field.default === true;
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => (
        <input
          {...control}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
      )}
    </FieldShell>
  );
}
