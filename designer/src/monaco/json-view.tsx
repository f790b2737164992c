import Editor from '@monaco-editor/react';
import './monaco-setup.ts';
// Monaco's core comes without features; a large generated document needs folding and search.
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';

/** Read-only JSON in Monaco: folding, search and highlighting for large generated documents. */
export default function JsonView({ value, label }: { value: string; label: string }) {
  return (
    <section className="json-view" aria-label={label} data-testid="json-view">
      <Editor
        height="100%"
        language="json"
        value={value}
        options={{
          readOnly: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 12,
          automaticLayout: true,
        }}
      />
    </section>
  );
}
