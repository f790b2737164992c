import type { editor } from 'monaco-editor';
// `editor.api` is Monaco without its features: these are the ones a code field uses (completion, the
// problem shown on hover, the placeholder text, matching brackets, Ctrl+M to let Tab indent, word moves).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { expressionMarkers } from './expression-markers.ts';
import type { CodeLanguage, ScopeName } from './expression-scope.ts';
import { monaco } from './monaco-setup.ts';
import { LANGUAGE_IDS, registerParleyLanguages, setModelScope, THEME } from './parley-languages.ts';

registerParleyLanguages();

/** Where the plain text box's cursor was, so Monaco can take over the typing where it left off. */
export type TextSelection = { start: number; end: number };

export type MonacoCodeEditorProps = {
  language: CodeLanguage;
  value: string;
  onChange: (text: string) => void;
  /** The field's label, read by screen readers as the editor's name. */
  label: string;
  placeholder?: string | undefined;
  /** The label's `for`: given to the editor's input, so clicking the label focuses the editor. */
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  names: readonly ScopeName[];
  /** Set while the text box that stood in for Monaco has the focus. */
  focusedSelection?: RefObject<TextSelection | null>;
};

const MARKER_OWNER = 'parley-expression';
const MAX_LINES = 8;
const PADDING = 4;
/** Checking re-runs the CEL checker, so it waits for a pause in typing. */
const CHECK_DELAY_MS = 150;

function options(props: MonacoCodeEditorProps): editor.IStandaloneEditorConstructionOptions {
  return {
    ariaLabel: props.label,
    placeholder: props.placeholder,
    theme: THEME,
    minimap: { enabled: false },
    wordWrap: 'on',
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 4,
    lineNumbersMinChars: 0,
    renderLineHighlight: 'none',
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    scrollBeyondLastLine: false,
    scrollbar: { horizontal: 'hidden', verticalScrollbarSize: 8, alwaysConsumeMouseWheel: false },
    padding: { top: PADDING, bottom: PADDING },
    fontSize: 12,
    tabSize: 2,
    // A form: Tab moves to the next field (Ctrl+M lets Tab indent again).
    tabFocusMode: true,
    // Only the names in scope are suggested, not every word of the text.
    wordBasedSuggestions: 'off',
    quickSuggestions: { other: true, strings: props.language === 'json-template', comments: false },
    // The suggestion list may be taller than this small editor.
    fixedOverflowWidgets: true,
    automaticLayout: true,
    contextmenu: false,
    // Colouring `{{` as two brackets would hide the placeholder colour.
    bracketPairColorization: { enabled: false },
    // A real textarea as input: the field's <label for> can focus it, which EditContext's div cannot.
    editContext: false,
  };
}

/** Monaco for an expression, template or JSON template field; loaded lazily by the inspector's CodeEditor. */
export default function MonacoCodeEditor(props: MonacoCodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;
  /** True while the model is set from `value`, so that edit is not reported back as the user's. */
  const applying = useRef(false);
  const { language, value, names, label, placeholder, id } = props;
  const invalid = props['aria-invalid'];
  const describedBy = props['aria-describedby'];

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const initial = latest.current;
    const model = monaco.editor.createModel(initial.value, LANGUAGE_IDS[initial.language]);
    const created = monaco.editor.create(element, { ...options(initial), model });
    instance.current = created;
    const lineHeight = created.getOption(monaco.editor.EditorOption.lineHeight);
    const minLines = initial.language === 'json-template' ? 3 : 1;
    const fit = (contentHeight: number) => {
      const height = Math.min(
        Math.max(contentHeight, minLines * lineHeight + 2 * PADDING),
        MAX_LINES * lineHeight + 2 * PADDING,
      );
      element.style.height = `${height}px`;
      created.layout();
    };
    fit(created.getContentHeight());
    const subscriptions = [
      created.onDidContentSizeChange((event) => {
        if (event.contentHeightChanged) fit(event.contentHeight);
      }),
      model.onDidChangeContent(() => {
        if (!applying.current) latest.current.onChange(model.getValue());
      }),
    ];
    // Typing began in the stand-in text box: carry on in Monaco, at the same place.
    const selection = initial.focusedSelection?.current;
    const focusElsewhere = document.activeElement !== null && document.activeElement !== document.body;
    if (selection && !focusElsewhere) {
      const start = model.getPositionAt(selection.start);
      const end = model.getPositionAt(selection.end);
      created.setSelection(new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column));
      created.focus();
    }
    return () => {
      for (const subscription of subscriptions) subscription.dispose();
      created.dispose();
      model.dispose();
      instance.current = null;
    };
  }, []);

  // Controlled: an outside change (undo on the canvas, another node's value) replaces the text, undoably.
  useEffect(() => {
    const model = instance.current?.getModel();
    if (!model || model.getValue() === value) return;
    applying.current = true;
    try {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    } finally {
      applying.current = false;
    }
  }, [value]);

  useEffect(() => {
    const model = instance.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, LANGUAGE_IDS[language]);
  }, [language]);

  useEffect(() => {
    instance.current?.updateOptions({ ariaLabel: label, placeholder });
  }, [label, placeholder]);

  // The label, hint and problems of the form point at the editor's own input.
  useEffect(() => {
    const input = instance.current?.getDomNode()?.querySelector<HTMLElement>('textarea');
    if (!input) return;
    input.id = id;
    const set = (name: string, attribute: string | undefined) =>
      attribute === undefined ? input.removeAttribute(name) : input.setAttribute(name, attribute);
    set('aria-invalid', invalid ? 'true' : undefined);
    set('aria-describedby', describedBy);
  }, [id, invalid, describedBy]);

  // Completion reads the names in scope from the model; markers come from the CEL checker.
  useEffect(() => {
    const model = instance.current?.getModel();
    if (!model) return;
    setModelScope(model, { language, names });
    const known = names.map((n) => n.name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (model.isDisposed()) return;
      const markers = expressionMarkers(model.getValue(), language, known).map((marker) => {
        const start = model.getPositionAt(marker.start);
        const end = model.getPositionAt(marker.end);
        return {
          severity: monaco.MarkerSeverity.Error,
          message: marker.message,
          code: marker.code,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      });
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    };
    check();
    const subscription = model.onDidChangeContent(() => {
      clearTimeout(timer);
      timer = setTimeout(check, CHECK_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.dispose();
    };
  }, [language, names]);

  return <div ref={host} className="code-editor-monaco" data-language={language} style={{ minHeight: 26 }} />;
}
