import { fieldKey } from './field-path.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import { labels } from './labels.ts';
import type { FieldOf } from './schema-fields.ts';
import { scalarText } from './value-shape.ts';

const UNSET = '';

export function EnumField({ field, path, label, required, value, onChange }: FieldProps<FieldOf<'enum'>>) {
  const key = fieldKey(path);
  const options: readonly unknown[] = field.options;
  const selected = options.indexOf(value);
  const defaultIndex = options.indexOf(field.default);
  // A blank choice is offered only when leaving the key out means something: optional, defaulted or unset.
  const blank =
    defaultIndex >= 0
      ? labels.defaultValue(labels.option(key, field.options[defaultIndex] ?? null))
      : !required
        ? labels.noValue
        : selected < 0
          ? labels.chooseValue
          : undefined;
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => (
        <select
          {...control}
          value={selected < 0 ? UNSET : String(selected)}
          onChange={(event) => {
            const choice = event.target.value;
            onChange(choice === UNSET ? undefined : field.options[Number(choice)]);
          }}
        >
          {blank === undefined ? null : <option value={UNSET}>{blank}</option>}
          {field.options.map((option, index) => (
            <option key={scalarText(option)} value={String(index)}>
              {labels.option(key, option)}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
