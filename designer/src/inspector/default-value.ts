import type { FieldModel, ObjectProperty } from './schema-fields.ts';

/**
 * A starting value for a new list item or a switched union shape: the schema's default when it has one,
 * otherwise the emptiest value of the right type, leaving validation to point at what still needs filling.
 */
export function defaultValue(field: FieldModel): unknown {
  if (field.default !== undefined) return structuredClone(field.default);
  switch (field.kind) {
    case 'string':
    case 'code':
    case 'variable':
    case 'localised-text':
      return '';
    case 'number':
      return field.minimum ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return field.options[0];
    case 'const':
      return field.value;
    case 'object':
      return defaultObject(field.properties);
    case 'list':
      return Array.from({ length: field.minItems ?? 0 }, () => defaultValue(field.item));
    case 'union': {
      const [first] = field.variants;
      if (first === undefined) return {};
      return { [field.discriminator]: first.tag, ...defaultObject(first.properties) };
    }
    case 'json':
      return field.nullable ? null : {};
  }
}

/** Only required keys are filled: optional ones stay out so their schema defaults still apply. */
export function defaultObject(properties: ObjectProperty[]): Record<string, unknown> {
  return Object.fromEntries(
    properties.filter((p) => p.required).map((p) => [p.key, defaultValue(p.field)] as const),
  );
}
