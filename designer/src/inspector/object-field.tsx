import { FieldEditor } from './field-editor.tsx';
import type { FieldPath } from './field-path.ts';
import { FieldGroup } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import { labels } from './labels.ts';
import type { FieldOf, ObjectProperty } from './schema-fields.ts';
import { asObject, withKey } from './value-shape.ts';

/** The editors of an object's properties, without a frame; shared by objects, union shapes and the root. */
export function ObjectProperties(props: {
  properties: readonly ObjectProperty[];
  path: FieldPath;
  value: unknown;
  onChange: (next: Record<string, unknown>) => void;
}) {
  const object = asObject(props.value);
  return (
    <>
      {props.properties.map(({ key, field, required }) => (
        <FieldEditor
          key={key}
          field={field}
          path={[...props.path, key]}
          label={field.title ?? labels.field(key)}
          required={required}
          value={object[key]}
          onChange={(next) => props.onChange(withKey(object, key, next))}
        />
      ))}
    </>
  );
}

export function ObjectField({ field, path, label, value, onChange }: FieldProps<FieldOf<'object'>>) {
  return (
    <FieldGroup path={path} label={label} hint={field.description}>
      <ObjectProperties properties={field.properties} path={path} value={value} onChange={onChange} />
    </FieldGroup>
  );
}
