import { Component, lazy, type ReactNode, Suspense, useRef } from 'react';
import type { TextSelection } from '../monaco/code-editor-monaco.tsx';
import type { ScopeName } from '../monaco/expression-scope.ts';
import type { ControlProps } from './inspector-context.ts';
import type { CodeWidget } from './schema-fields.ts';

export type CodeEditorProps = ControlProps & {
  widget: CodeWidget;
  value: string;
  /** The field's label: Monaco's accessible name (the stand-in text box is named by its `<label>`). */
  label: string;
  /** What expressions in this field may read: suggested while typing, and checked. */
  names: readonly ScopeName[];
  placeholder?: string | undefined;
  onChange: (text: string) => void;
};

const codeStyle = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } as const;
const frameStyle = { border: '1px solid #c8ccd4', borderRadius: 4, overflow: 'hidden' } as const;

// Monaco and its workers load with the first code field shown, never with the page.
const MonacoCodeEditor = lazy(() => import('../monaco/code-editor-monaco.tsx'));

/**
 * Vitest's DOM has no layout and no workers: component tests edit code in the text box that stands in
 * for Monaco while it loads.
 */
const monacoAvailable = import.meta.env.MODE !== 'test';

/** If Monaco cannot load (a chunk failed to download), the text box stays: editing still works. */
class KeepFallbackOnError extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The one place code text is edited: Monaco with highlighting, completion of the names in scope and
 * the expression checker's problems underlined; a plain text box until Monaco has loaded.
 */
export function CodeEditor({
  widget,
  value,
  label,
  names,
  placeholder,
  onChange,
  ...control
}: CodeEditorProps) {
  const focusedSelection = useRef<TextSelection | null>(null);
  const remember = (target: HTMLTextAreaElement) => {
    focusedSelection.current = { start: target.selectionStart, end: target.selectionEnd };
  };
  const textarea = (
    <textarea
      {...control}
      data-widget={widget}
      rows={widget === 'json-template' ? 6 : 2}
      spellCheck={false}
      style={codeStyle}
      value={value}
      placeholder={placeholder}
      onChange={(event) => {
        remember(event.target);
        onChange(event.target.value);
      }}
      onFocus={(event) => remember(event.target)}
      onSelect={(event) => remember(event.currentTarget)}
      onBlur={(event) => {
        // Focus moving to another control; not the text box being replaced by Monaco.
        if (event.relatedTarget !== null) focusedSelection.current = null;
      }}
    />
  );
  if (!monacoAvailable) return textarea;
  return (
    <div data-widget={widget} className="code-editor" style={frameStyle}>
      <KeepFallbackOnError fallback={textarea}>
        <Suspense fallback={textarea}>
          <MonacoCodeEditor
            {...control}
            language={widget}
            value={value}
            onChange={onChange}
            label={label}
            placeholder={placeholder}
            names={names}
            focusedSelection={focusedSelection}
          />
        </Suspense>
      </KeepFallbackOnError>
    </div>
  );
}
