import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import type { FieldOf } from './schema-fields.ts';
import { defaultHint } from './value-shape.ts';

export function NumberField({ field, path, label, value, onChange }: FieldProps<FieldOf<'number'>>) {
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          step={field.integer ? 1 : 'any'}
          min={field.minimum}
          max={field.maximum}
          value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
          placeholder={defaultHint(field.default)}
          onChange={(event) => {
            const text = event.target.value.trim();
            const number = Number(text);
            // Empty means "not set" (the schema default applies), never 0.
            onChange(text === '' || !Number.isFinite(number) ? undefined : number);
          }}
        />
      )}
    </FieldShell>
  );
}
