import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import type { FieldOf } from './schema-fields.ts';
import { scalarText } from './value-shape.ts';

/** A fixed value has nothing to choose; it is shown so the author knows it is there. */
export function ConstField({ field, path, label }: FieldProps<FieldOf<'const'>>) {
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => <input {...control} type="text" value={scalarText(field.value)} readOnly />}
    </FieldShell>
  );
}
