import i18next from 'i18next';

/**
 * Every string the inspector shows, read from the designer's translations (`i18n/en.ts`, `i18n/zh.ts`)
 * when it is shown, so the editors never hold a language of their own.
 */
export const labels = {
  get rootValue() {
    return i18next.t('inspector.rootValue');
  },
  get problems() {
    return i18next.t('inspector.problems');
  },
  get allLanguages() {
    return i18next.t('inspector.allLanguages');
  },
  /** The accessible name of one language's text box, e.g. "Prompt (zh)". */
  inLanguage: (field: string, language: string) => i18next.t('inspector.inLanguage', { field, language }),
  get languagesDiffer() {
    return i18next.t('inspector.languagesDiffer');
  },
  get sameForAllLanguages() {
    return i18next.t('inspector.sameForAllLanguages');
  },
  listItem: (list: string, index: number) => i18next.t('inspector.listItem', { list, number: index + 1 }),
  addItem: (list: string) => i18next.t('inspector.addItem', { list }),
  removeItem: (item: string) => i18next.t('inspector.removeItem', { item }),
  moveUp: (item: string) => i18next.t('inspector.moveUp', { item }),
  moveDown: (item: string) => i18next.t('inspector.moveDown', { item }),
  get emptyList() {
    return i18next.t('inspector.emptyList');
  },
  get unionType() {
    return i18next.t('inspector.unionType');
  },
  /** The empty option of a select whose field may be left out. */
  get noValue() {
    return i18next.t('inspector.noValue');
  },
  defaultValue: (value: string) => i18next.t('inspector.defaultValue', { value }),
  get chooseValue() {
    return i18next.t('inspector.chooseValue');
  },
  get invalidJson() {
    return i18next.t('inspector.invalidJson');
  },
  get jsonHint() {
    return i18next.t('inspector.jsonHint');
  },
  /** Shown for an issue whose field is not on the form, e.g. "headers.3: Invalid input". */
  issueAt: (path: string, message: string) => (path === '' ? message : `${path}: ${message}`),
};

/** Words that read better in a fixed spelling than capitalised, when a label is made from a key. */
export const keyWordSpellings: Readonly<Record<string, string>> = {
  url: 'URL',
  id: 'ID',
  http: 'HTTP',
  json: 'JSON',
  api: 'API',
  ms: '(ms)',
};
