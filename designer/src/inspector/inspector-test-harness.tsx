import '../i18n/english-for-tests.ts';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { vi } from 'vitest';
import type { z } from 'zod';
import { NodeInspector } from './node-inspector.tsx';

type Options = { languages?: string[]; variables?: string[] };

type OwnerProps = {
  schema: z.ZodType;
  initial: unknown;
  languages: string[];
  variables: string[];
  onChange: (value: unknown) => void;
};

/** Stands in for the designer: it keeps the value and feeds each edit back into the inspector. */
function Owner({ schema, initial, languages, variables, onChange }: OwnerProps) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <NodeInspector
      schema={schema}
      value={value}
      languages={languages}
      variables={variables}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
    />
  );
}

export function renderInspector(schema: z.ZodType, initial: unknown, options: Options = {}) {
  const onChange = vi.fn<(value: unknown) => void>();
  const user = userEvent.setup();
  const view = render(
    <Owner
      schema={schema}
      initial={initial}
      languages={options.languages ?? ['en']}
      variables={options.variables ?? []}
      onChange={onChange}
    />,
  );
  return {
    ...view,
    user,
    onChange,
    /** The config the last edit produced. */
    latest: (): unknown => onChange.mock.lastCall?.[0],
  };
}
