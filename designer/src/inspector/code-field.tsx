import { useMemo } from 'react';
import { scopeNames } from '../monaco/expression-scope.ts';
import { CodeEditor } from './code-editor.tsx';
import { pathKey } from './field-path.ts';
import { FieldShell } from './field-shell.tsx';
import { type FieldProps, useInspector } from './inspector-context.ts';
import type { FieldOf } from './schema-fields.ts';
import { defaultHint, textOrCleared } from './value-shape.ts';

export function CodeField({ field, path, label, required, value, onChange }: FieldProps<FieldOf<'code'>>) {
  const { variables, extraNames } = useInspector();
  // By value: the designer passes new arrays on every edit, and a new list re-checks the expression.
  const key = JSON.stringify([variables, extraNames.get(pathKey(path)) ?? []]);
  const names = useMemo(() => {
    const [declared, local] = JSON.parse(key) as [string[], string[]];
    return scopeNames(declared, local);
  }, [key]);
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => (
        <CodeEditor
          {...control}
          widget={field.widget}
          value={typeof value === 'string' ? value : ''}
          label={label}
          names={names}
          placeholder={defaultHint(field.default)}
          onChange={(text) => onChange(textOrCleared(text, required))}
        />
      )}
    </FieldShell>
  );
}
