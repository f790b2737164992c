import { defaultObject } from './default-value.ts';
import { FieldGroup, FieldShell } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import { labels } from './labels.ts';
import { ObjectProperties } from './object-field.tsx';
import type { FieldOf, UnionVariant } from './schema-fields.ts';
import { asObject, scalarText, variantOf } from './value-shape.ts';

/**
 * Switching shape starts from the new shape's defaults but keeps what the author typed in properties
 * both shapes share, e.g. a caption.
 */
function switchVariant(
  field: FieldOf<'union'>,
  from: UnionVariant | undefined,
  to: UnionVariant,
  value: unknown,
) {
  const old = asObject(value);
  const kept = Object.fromEntries(
    to.properties.flatMap(({ key, field: target }) => {
      const source = from?.properties.find((p) => p.key === key);
      return source?.field.kind === target.kind && old[key] !== undefined ? [[key, old[key]] as const] : [];
    }),
  );
  return { [field.discriminator]: to.tag, ...defaultObject(to.properties), ...kept };
}

export function UnionField({ field, path, label, value, onChange }: FieldProps<FieldOf<'union'>>) {
  const variant = variantOf(field.variants, field.discriminator, value);
  const selected = variant === undefined ? -1 : field.variants.indexOf(variant);
  const typeLabel = field.discriminator === 'type' ? labels.unionType : labels.field(field.discriminator);
  return (
    <FieldGroup path={path} label={label} hint={field.description}>
      <FieldShell path={[...path, field.discriminator]} label={typeLabel}>
        {(control) => (
          <select
            {...control}
            value={selected < 0 ? '' : String(selected)}
            onChange={(event) => {
              const to = field.variants[Number(event.target.value)];
              if (to !== undefined) onChange(switchVariant(field, variant, to, value));
            }}
          >
            {selected < 0 ? <option value="">{labels.chooseValue}</option> : null}
            {field.variants.map((option, index) => (
              <option key={scalarText(option.tag)} value={String(index)}>
                {labels.option(field.discriminator, option.tag)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {variant === undefined ? null : (
        <ObjectProperties
          properties={variant.properties}
          path={path}
          value={value}
          onChange={(next) => onChange({ ...next, [field.discriminator]: variant.tag })}
        />
      )}
    </FieldGroup>
  );
}
