import type { ReactNode } from 'react';
import type { FieldPath } from './field-path.ts';
import { type ControlProps, useFieldState } from './inspector-context.ts';

export function FieldIssues({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="inspector-issues" role="alert">
      {messages.map((message, index) => (
        // Messages can repeat (two refinements failing alike), so position is part of the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: a message list is rebuilt, never reordered
        <li key={`${index}-${message}`}>{message}</li>
      ))}
    </ul>
  );
}

/** A single control with its label, its hint and the validation messages for its path. */
export function FieldShell(props: {
  path: FieldPath;
  label: string;
  hint?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const { control, messages, issuesId, hintId } = useFieldState(props.path, props.hint !== undefined);
  return (
    <div className="inspector-field">
      <label htmlFor={control.id}>{props.label}</label>
      {props.children(control)}
      {props.hint === undefined ? null : (
        <p id={hintId} className="inspector-hint">
          {props.hint}
        </p>
      )}
      <FieldIssues id={issuesId} messages={messages} />
    </div>
  );
}

/** A group of controls (object, list, union, localised text) named by its legend. */
export function FieldGroup(props: {
  path: FieldPath;
  label: string;
  hint?: string | undefined;
  children: ReactNode;
}) {
  const { control, messages, issuesId, hintId } = useFieldState(props.path, props.hint !== undefined);
  return (
    <fieldset className="inspector-group" {...control}>
      <legend>{props.label}</legend>
      {props.hint === undefined ? null : (
        <p id={hintId} className="inspector-hint">
          {props.hint}
        </p>
      )}
      {props.children}
      <FieldIssues id={issuesId} messages={messages} />
    </fieldset>
  );
}
