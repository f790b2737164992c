import { FieldShell } from './field-shell.tsx';
import { type FieldProps, useInspector } from './inspector-context.ts';
import { textOrCleared } from './value-shape.ts';

/** Suggests the declared variables but accepts any name, since a flow may declare it afterwards. */
export function VariableField({ field, path, label, required, value, onChange }: FieldProps) {
  const { variables } = useInspector();
  return (
    <FieldShell path={path} label={label} hint={field.description}>
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            list={`${control.id}-variables`}
            autoComplete="off"
            spellCheck={false}
            data-widget="variable"
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => onChange(textOrCleared(event.target.value, required))}
          />
          <datalist id={`${control.id}-variables`}>
            {variables.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      )}
    </FieldShell>
  );
}
