import { BooleanField } from './boolean-field.tsx';
import { CodeField } from './code-field.tsx';
import { ConstField } from './const-field.tsx';
import { EnumField } from './enum-field.tsx';
import type { FieldProps } from './inspector-context.ts';
import { JsonField } from './json-field.tsx';
import { ListField } from './list-field.tsx';
import { LocalisedListField } from './localised-list-field.tsx';
import { LocalisedTextField } from './localised-text-field.tsx';
import { NumberField } from './number-field.tsx';
import { ObjectField } from './object-field.tsx';
import { TextField } from './text-field.tsx';
import { UnionField } from './union-field.tsx';
import { VariableField } from './variable-field.tsx';

/** Picks the editor for a field's kind; the only place that knows every kind. */
export function FieldEditor(props: FieldProps) {
  const { field } = props;
  switch (field.kind) {
    case 'string':
      return <TextField {...props} />;
    case 'code':
      return <CodeField {...props} field={field} />;
    case 'variable':
      return <VariableField {...props} />;
    case 'localised-text':
      return <LocalisedTextField {...props} />;
    case 'localised-list':
      return <LocalisedListField {...props} />;
    case 'number':
      return <NumberField {...props} field={field} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'enum':
      return <EnumField {...props} field={field} />;
    case 'const':
      return <ConstField {...props} field={field} />;
    case 'object':
      return <ObjectField {...props} field={field} />;
    case 'list':
      return <ListField {...props} field={field} />;
    case 'union':
      return <UnionField {...props} field={field} />;
    case 'json':
      return <JsonField {...props} />;
  }
}
