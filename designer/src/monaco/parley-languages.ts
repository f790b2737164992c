import i18next from 'i18next';
import type { editor, languages } from 'monaco-editor';
import { completionAt } from './expression-completion.ts';
import type { CodeLanguage, ScopeName } from './expression-scope.ts';
import { monaco } from './monaco-setup.ts';

/** Monaco's language id for each code widget. */
export const LANGUAGE_IDS: Record<CodeLanguage, string> = {
  expression: 'parley-expression',
  template: 'parley-template',
  'json-template': 'parley-json-template',
};

export const THEME = 'parley';

/** CEL, enough to colour it: names, calls, members, literals and operators. */
const expressionRules: languages.IMonarchLanguageRule[] = [
  [/\s+/, 'white'],
  [/[rRbB]{0,2}"""/, { token: 'string', next: '@tripleDouble' }],
  [/[rRbB]{0,2}'''/, { token: 'string', next: '@tripleSingle' }],
  [/[rRbB]{0,2}"(?:[^"\\\n]|\\.)*"/, 'string'],
  [/[rRbB]{0,2}'(?:[^'\\\n]|\\.)*'/, 'string'],
  [/["']/, 'string.invalid'],
  [/(\.)(\s*)([A-Za-z_]\w*)(?=\s*\()/, ['delimiter', 'white', 'function']],
  [/(\.)(\s*)([A-Za-z_]\w*)/, ['delimiter', 'white', 'identifier.member']],
  [/[A-Za-z_]\w*(?=\s*\()/, 'function'],
  [/[A-Za-z_]\w*/, { cases: { '@constants': 'constant', '@keywords': 'keyword', '@default': 'identifier' } }],
  [/\d+\.\d*(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+/, 'number.float'],
  [/0[xX][0-9a-fA-F]+[uU]?/, 'number.hex'],
  [/\d+[uU]?/, 'number'],
  [/&&|\|\||[=!<>]=|[-+*/%<>!?:]/, 'operator'],
  [/[()[\]{}]/, '@brackets'],
  [/[,.]/, 'delimiter'],
];

const tripleStrings = {
  tripleDouble: [
    [/"""/, { token: 'string', next: '@pop' }],
    [/[^"]+|"/, 'string'],
  ],
  tripleSingle: [
    [/'''/, { token: 'string', next: '@pop' }],
    [/[^']+|'/, 'string'],
  ],
} satisfies Record<string, languages.IMonarchLanguageRule[]>;

const placeholderState: languages.IMonarchLanguageRule[] = [
  [/\}\}/, { token: 'delimiter.placeholder', next: '@pop' }],
  { include: '@expression' },
];

const common = {
  constants: ['true', 'false', 'null'],
  keywords: ['in'],
  brackets: [
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '{', close: '}', token: 'delimiter.curly' },
  ],
};

const expressionLanguage: languages.IMonarchLanguage = {
  ...common,
  tokenizer: { root: [{ include: '@expression' }], expression: expressionRules, ...tripleStrings },
};

/** Plain text; each `{{ ... }}` coloured as an expression. */
const templateLanguage: languages.IMonarchLanguage = {
  ...common,
  tokenizer: {
    root: [
      [/\{\{/, { token: 'delimiter.placeholder', next: '@placeholder' }],
      [/[^{]+|\{/, ''],
    ],
    placeholder: placeholderState,
    expression: expressionRules,
    ...tripleStrings,
  },
};

/** JSON whose values (or parts of strings) are `{{ ... }}` placeholders, which JSON's own mode calls errors. */
const jsonTemplateLanguage: languages.IMonarchLanguage = {
  ...common,
  tokenizer: {
    root: [
      [/\{\{/, { token: 'delimiter.placeholder', next: '@placeholder' }],
      [/\s+/, 'white'],
      [/"/, { token: 'string', next: '@jsonString' }],
      [/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/, 'number'],
      [/true|false|null/, 'keyword'],
      [/[{}[\]]/, '@brackets'],
      [/[,:]/, 'delimiter'],
      [/./, 'invalid'],
    ],
    jsonString: [
      [/\{\{/, { token: 'delimiter.placeholder', next: '@placeholder' }],
      [/[^"\\{]+|\{/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, { token: 'string', next: '@pop' }],
    ],
    placeholder: placeholderState,
    expression: expressionRules,
    ...tripleStrings,
  },
};

const expressionPairs = [
  { open: '(', close: ')' },
  { open: '[', close: ']' },
  { open: '{', close: '}' },
  { open: '"', close: '"', notIn: ['string'] },
  { open: "'", close: "'", notIn: ['string'] },
];

/** What completion and checking know about one editor's model: its widget and the names it may read. */
export type ModelScope = { language: CodeLanguage; names: readonly ScopeName[] };
const scopes = new WeakMap<editor.ITextModel, ModelScope>();

export function setModelScope(model: editor.ITextModel, scope: ModelScope) {
  scopes.set(model, scope);
}

function completionProvider(): languages.CompletionItemProvider {
  return {
    triggerCharacters: ['{'],
    provideCompletionItems(model, position) {
      const scope = scopes.get(model);
      if (!scope) return { suggestions: [] };
      const found = completionAt(model.getValue(), model.getOffsetAt(position), scope.language, scope.names);
      if (!found) return { suggestions: [] };
      const from = model.getPositionAt(found.from);
      const to = model.getPositionAt(found.to);
      const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
      const { CompletionItemKind } = monaco.languages;
      return {
        suggestions: found.names.map(({ name, kind }) => ({
          label: name,
          kind: kind === 'builtin' ? CompletionItemKind.Constant : CompletionItemKind.Variable,
          detail: i18next.t(`codeEditor.${kind}`),
          insertText: name,
          range,
        })),
      };
    },
  };
}

let registered = false;

/** Registers the three languages, their completion and the theme, once per page. */
export function registerParleyLanguages() {
  if (registered) return;
  registered = true;
  const definitions: [CodeLanguage, languages.IMonarchLanguage][] = [
    ['expression', expressionLanguage],
    ['template', templateLanguage],
    ['json-template', jsonTemplateLanguage],
  ];
  for (const [language, definition] of definitions) {
    const id = LANGUAGE_IDS[language];
    monaco.languages.register({ id });
    monaco.languages.setMonarchTokensProvider(id, definition);
    monaco.languages.setLanguageConfiguration(id, {
      brackets: [
        ['(', ')'],
        ['[', ']'],
        ['{', '}'],
      ],
      // Plain template text is prose: braces and quotes there are not closed for the author.
      autoClosingPairs: language === 'template' ? [] : expressionPairs,
    });
    monaco.languages.registerCompletionItemProvider(id, completionProvider());
  }
  monaco.editor.defineTheme(THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'delimiter.placeholder', foreground: 'af00db', fontStyle: 'bold' },
      { token: 'identifier', foreground: '001080' },
      { token: 'identifier.member', foreground: '0070c1' },
      { token: 'function', foreground: '795e26' },
      { token: 'constant', foreground: '0000ff' },
      { token: 'operator', foreground: '383a42' },
    ],
    colors: {},
  });
}
