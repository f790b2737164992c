import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FieldEditor } from './field-editor.tsx';
import { extraNamesByPath } from './field-scopes.ts';
import { InspectorContext, type InspectorContextValue } from './inspector-context.ts';
import { labels } from './labels.ts';
import { ObjectProperties } from './object-field.tsx';
import { buildFieldModel } from './schema-fields.ts';
import { placeIssues, renderedFields, validate } from './validation.ts';

export type NodeInspectorProps = {
  /** The node kind's `configSchema`; the form is derived from it, so new kinds need no designer code. */
  schema: z.ZodType;
  /** The node's current config. */
  value: unknown;
  /** The flow's languages, one tab each in localised texts. */
  languages: string[];
  /** Declared variable names, suggested by variable pickers and in expressions. */
  variables: string[];
  /** Receives the whole new config on every edit. */
  onChange: (value: unknown) => void;
};

/**
 * Controlled: it shows `value` and reports edits. Give it a `key` per node so per-field view state
 * (such as the open language tab) does not carry over from one node to the next.
 */
export function NodeInspector({ schema, value, languages, variables, onChange }: NodeInspectorProps) {
  const idPrefix = useId();
  // Labels are read from i18next while rendering; this re-renders the whole form when the UI language changes.
  const { i18n } = useTranslation();
  const language = i18n.language;
  const model = useMemo(() => buildFieldModel(schema), [schema]);
  // zod's messages follow the UI language too, so they are produced again when it changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `language` changes zod's messages
  const issues = useMemo(
    () => placeIssues(validate(schema, value), renderedFields(model, value)),
    [schema, model, value, language],
  );
  const extraNames = useMemo(() => extraNamesByPath(schema, value), [schema, value]);
  const context = useMemo<InspectorContextValue>(
    () => ({ idPrefix, languages, variables, extraNames, issues }),
    [idPrefix, languages, variables, extraNames, issues],
  );

  return (
    <InspectorContext.Provider value={context}>
      <div data-testid="node-inspector" className="node-inspector">
        {issues.unplaced.length === 0 ? null : (
          <section className="inspector-summary" aria-label={labels.problems}>
            <ul>
              {issues.unplaced.map((issue, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the summary is rebuilt, never reordered
                <li key={`${index}-${issue.path}`}>{labels.issueAt(issue.path, issue.message)}</li>
              ))}
            </ul>
          </section>
        )}
        {model.kind === 'object' ? (
          <ObjectProperties properties={model.properties} path={[]} value={value} onChange={onChange} />
        ) : (
          <FieldEditor
            field={model}
            path={[]}
            label={model.title ?? labels.rootValue}
            required
            value={value}
            onChange={onChange}
          />
        )}
      </div>
    </InspectorContext.Provider>
  );
}
