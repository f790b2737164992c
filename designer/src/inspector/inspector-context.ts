import { createContext, useContext } from 'react';
import { type FieldPath, pathKey } from './field-path.ts';
import type { FieldModel } from './schema-fields.ts';
import type { PlacedIssues } from './validation.ts';

export type InspectorContextValue = {
  /** Keeps element ids unique when several inspectors are on one page. */
  idPrefix: string;
  languages: readonly string[];
  variables: readonly string[];
  /** Names readable only in some fields (`response` in an HTTP response mapping), by field path key. */
  extraNames: ReadonlyMap<string, readonly string[]>;
  issues: PlacedIssues;
};

export const InspectorContext = createContext<InspectorContextValue | null>(null);

export function useInspector(): InspectorContextValue {
  const context = useContext(InspectorContext);
  if (context === null) throw new Error('field editors must be rendered inside NodeInspector');
  return context;
}

/** What every field editor receives; `onChange(undefined)` removes the key from its parent object. */
export type FieldProps<Field extends FieldModel = FieldModel> = {
  field: Field;
  path: FieldPath;
  label: string;
  required: boolean;
  value: unknown;
  onChange: (next: unknown) => void;
};

/** Attributes that tie a control to its label and its validation messages. */
export type ControlProps = {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
};

export type FieldState = {
  control: ControlProps;
  messages: readonly string[];
  issuesId: string;
  hintId: string;
};

export function useFieldState(path: FieldPath, hasHint: boolean): FieldState {
  const { idPrefix, issues } = useInspector();
  const key = pathKey(path);
  const id = `${idPrefix}-field-${key.replace(/[^A-Za-z0-9_.-]/g, '_') || 'root'}`;
  const messages = issues.byField.get(key) ?? [];
  const issuesId = `${id}-issues`;
  const hintId = `${id}-hint`;
  const describedBy = [hasHint ? hintId : '', messages.length > 0 ? issuesId : ''].filter(Boolean).join(' ');
  return {
    control: {
      id,
      ...(messages.length > 0 ? { 'aria-invalid': true as const } : {}),
      ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
    },
    messages,
    issuesId,
    hintId,
  };
}
