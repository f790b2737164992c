import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
// JSON only: the languages Parley edits come in one by one, not Monaco's whole catalogue.
import 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

/*
 * Monaco from the bundle, never from a CDN (@monaco-editor/react's default, which fails offline). This
 * module is only imported by lazily loaded editors, so Monaco and its workers load when a Monaco field
 * is first shown.
 */
self.MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });

export { monaco };
