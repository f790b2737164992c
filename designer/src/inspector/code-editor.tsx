import type { ControlProps } from './inspector-context.ts';
import type { CodeWidget } from './schema-fields.ts';

export type CodeEditorProps = ControlProps & {
  widget: CodeWidget;
  value: string;
  placeholder?: string | undefined;
  onChange: (text: string) => void;
};

const codeStyle = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } as const;

/**
 * The one place code text is edited, so the plain textarea can later become Monaco (with expression
 * highlighting and variable completion) without touching the fields that use it.
 */
export function CodeEditor({ widget, value, placeholder, onChange, ...control }: CodeEditorProps) {
  return (
    <textarea
      {...control}
      data-widget={widget}
      rows={widget === 'json-template' ? 6 : 2}
      spellCheck={false}
      style={codeStyle}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
