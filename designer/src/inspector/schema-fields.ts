import { z } from 'zod';

/** Widgets a schema can ask for with `.meta({ widget })`; code widgets share one editor for now. */
export type CodeWidget = 'template' | 'json-template' | 'expression';
const codeWidgets: readonly string[] = ['template', 'json-template', 'expression'] satisfies CodeWidget[];

export type Scalar = string | number | boolean | null;

type FieldBase = {
  /** From `.meta({ title })`; the key's readable form is used otherwise. */
  title?: string;
  description?: string;
  /** Applied by the schema when the key is left out, so the form shows it instead of a blank. */
  default?: unknown;
  nullable?: boolean;
};

export type ObjectProperty = { key: string; field: FieldModel; required: boolean };

export type FieldModel = FieldBase &
  (
    | { kind: 'string' }
    | { kind: 'code'; widget: CodeWidget }
    | { kind: 'variable' }
    | { kind: 'localised-text' }
    | { kind: 'localised-list' }
    | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number }
    | { kind: 'boolean' }
    | { kind: 'enum'; options: Scalar[] }
    | { kind: 'const'; value: Scalar }
    | { kind: 'object'; properties: ObjectProperty[] }
    | { kind: 'list'; item: FieldModel; minItems?: number; maxItems?: number }
    | { kind: 'union'; discriminator: string; variants: UnionVariant[] }
    /** Shapes with no dedicated editor (records, tuples, plain unions, recursion) are edited as JSON. */
    | { kind: 'json' }
  );

export type UnionVariant = { tag: Scalar; properties: ObjectProperty[] };
export type FieldOf<Kind extends FieldModel['kind']> = Extract<FieldModel, { kind: Kind }>;

type JsonSchema = { readonly [key: string]: unknown };

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function stringProp(node: JsonSchema, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

function numberProp(node: JsonSchema, key: string): number | undefined {
  const value = node[key];
  return typeof value === 'number' ? value : undefined;
}

function schemaList(value: unknown): JsonSchema[] | undefined {
  return Array.isArray(value) ? value.filter(isSchema) : undefined;
}

/**
 * The form model of a zod schema. JSON Schema is walked rather than zod internals because it is
 * zod's public, stable description of the input shape, and it carries `.meta()` values as keys.
 */
export function buildFieldModel(schema: z.ZodType): FieldModel {
  let root: JsonSchema;
  try {
    root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    // Cycles zod cannot express and similar: the value stays editable as JSON.
    return { kind: 'json' };
  }
  return new ModelBuilder(root).field(root);
}

class ModelBuilder {
  /** Refs being expanded; meeting one again means recursion, which is cut off to a JSON editor. */
  private readonly expanding = new Set<string>();

  constructor(private readonly root: JsonSchema) {}

  field(node: JsonSchema): FieldModel {
    const ref = stringProp(node, '$ref');
    if (ref === undefined) return this.direct(node);
    const target = this.resolve(ref);
    if (target === undefined || this.expanding.has(ref)) return { kind: 'json', ...base(node) };
    this.expanding.add(ref);
    try {
      const { $ref: _ref, ...siblings } = node;
      return this.field({ ...target, ...siblings });
    } finally {
      this.expanding.delete(ref);
    }
  }

  private resolve(ref: string): JsonSchema | undefined {
    if (ref === '#') return this.root;
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.root;
    for (const part of ref.slice(2).split('/')) {
      if (!isSchema(node)) return undefined;
      node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return isSchema(node) ? node : undefined;
  }

  private direct(node: JsonSchema): FieldModel {
    const common = base(node);
    const widget = stringProp(node, 'widget');
    if (widget === 'localised-text') return { kind: 'localised-text', ...common };
    if (widget === 'localised-list') return { kind: 'localised-list', ...common };
    if (widget === 'variable') return { kind: 'variable', ...common };
    if (widget !== undefined && codeWidgets.includes(widget)) {
      return { kind: 'code', widget: widget as CodeWidget, ...common };
    }

    const alternatives = schemaList(node.anyOf) ?? schemaList(node.oneOf);
    if (alternatives !== undefined) return this.alternatives(node, alternatives, common);

    const parts = schemaList(node.allOf);
    if (parts !== undefined) return this.intersection(parts, common);

    if ('const' in node && isScalar(node.const)) return { kind: 'const', value: node.const, ...common };
    if (Array.isArray(node.enum) && node.enum.every(isScalar)) {
      return { kind: 'enum', options: node.enum, ...common };
    }

    const { type, nullable } = readType(node.type);
    const typed = { ...common, ...(nullable ? { nullable } : {}) };
    switch (type) {
      case 'string':
        return { kind: 'string', ...typed };
      case 'number':
      case 'integer':
        return {
          kind: 'number',
          integer: type === 'integer',
          ...optionalNumber('minimum', numberProp(node, 'minimum') ?? numberProp(node, 'exclusiveMinimum')),
          ...optionalNumber('maximum', numberProp(node, 'maximum') ?? numberProp(node, 'exclusiveMaximum')),
          ...typed,
        };
      case 'boolean':
        return { kind: 'boolean', ...typed };
      case 'null':
        return { kind: 'const', value: null, ...common };
      case 'object': {
        const properties = this.properties(node);
        return properties === undefined
          ? { kind: 'json', ...typed }
          : { kind: 'object', properties, ...typed };
      }
      case 'array': {
        if (node.prefixItems !== undefined || !isSchema(node.items)) return { kind: 'json', ...typed };
        return {
          kind: 'list',
          item: this.field(node.items),
          ...optionalNumber('minItems', numberProp(node, 'minItems')),
          ...optionalNumber('maxItems', numberProp(node, 'maxItems')),
          ...typed,
        };
      }
      default:
        return { kind: 'json', ...common };
    }
  }

  /** Objects with open-ended keys (records) have no fixed fields to show, so they are not objects here. */
  private properties(node: JsonSchema): ObjectProperty[] | undefined {
    if (isSchema(node.additionalProperties) || (node.properties === undefined && node.patternProperties)) {
      return undefined;
    }
    const properties = isSchema(node.properties) ? node.properties : {};
    const required = Array.isArray(node.required) ? node.required : [];
    return Object.entries(properties).flatMap(([key, value]) =>
      isSchema(value) ? [{ key, field: this.field(value), required: required.includes(key) }] : [],
    );
  }

  private alternatives(node: JsonSchema, alternatives: JsonSchema[], common: FieldBase): FieldModel {
    const present = alternatives.filter((alternative) => alternative.type !== 'null');
    const nullable = present.length < alternatives.length;
    const [only] = present;
    if (present.length === 1 && only !== undefined) {
      const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node;
      return { ...this.field({ ...only, ...rest }), ...(nullable ? { nullable } : {}) };
    }
    const fields = present.map((alternative) => this.field(alternative));
    const consts = fields.map((field) => (field.kind === 'const' ? field.value : undefined));
    if (consts.every((value) => value !== undefined)) {
      return { kind: 'enum', options: nullable ? [...consts, null] : consts, ...common };
    }
    const union = discriminatedUnion(fields);
    if (union !== undefined) return { ...union, ...common, ...(nullable ? { nullable } : {}) };
    return { kind: 'json', ...common };
  }

  private intersection(parts: JsonSchema[], common: FieldBase): FieldModel {
    const fields = parts.map((part) => this.field(part));
    const objects = fields.filter((field): field is FieldOf<'object'> => field.kind === 'object');
    if (objects.length !== fields.length) return { kind: 'json', ...common };
    return { kind: 'object', properties: objects.flatMap((object) => object.properties), ...common };
  }
}

/** A union of objects that all hold a constant under one shared key can switch shape by that key. */
function discriminatedUnion(fields: FieldModel[]): FieldOf<'union'> | undefined {
  const objects = fields.filter((field): field is FieldOf<'object'> => field.kind === 'object');
  const [first] = objects;
  if (first === undefined || objects.length !== fields.length) return undefined;
  for (const candidate of first.properties) {
    const tags = objects.map((object) => {
      const property = object.properties.find((p) => p.key === candidate.key);
      return property?.field.kind === 'const' ? property.field.value : undefined;
    });
    if (tags.some((tag) => tag === undefined) || new Set(tags).size !== tags.length) continue;
    return {
      kind: 'union',
      discriminator: candidate.key,
      variants: objects.map((object, index) => ({
        tag: tags[index] as Scalar,
        properties: object.properties.filter((p) => p.key !== candidate.key),
      })),
    };
  }
  return undefined;
}

function base(node: JsonSchema): FieldBase {
  const title = stringProp(node, 'title');
  const description = stringProp(node, 'description');
  return {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    ...('default' in node ? { default: node.default } : {}),
  };
}

function readType(type: unknown): { type: string | undefined; nullable: boolean } {
  if (typeof type === 'string') return { type, nullable: false };
  if (!Array.isArray(type)) return { type: undefined, nullable: false };
  const present = type.filter((t): t is string => typeof t === 'string' && t !== 'null');
  return { type: present.length === 1 ? present[0] : undefined, nullable: present.length < type.length };
}

function optionalNumber<Key extends string>(key: Key, value: number | undefined): { [K in Key]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: number };
}
