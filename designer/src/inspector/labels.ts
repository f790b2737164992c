import i18next from 'i18next';
import { labelFromKey } from './field-label.ts';
import type { Scalar } from './schema-fields.ts';
import { scalarText } from './value-shape.ts';

/** Config keys and option values that can name a translation: no key or namespace separators. */
const translatable = /^[A-Za-z_$][\w$-]*$/;

/**
 * Every string the inspector shows, read from the designer's translations (`i18n/en.ts`, `i18n/zh.ts`)
 * when it is shown, so the editors never hold a language of their own.
 */
export const labels = {
  /**
   * A config key's label: `inspector.fields.<key>`, else the key's readable English form, so a key of
   * a node kind that has no translation yet still reads well.
   */
  field: (key: string) => {
    const fallback = labelFromKey(key);
    return translatable.test(key)
      ? i18next.t(`inspector.fields.${key}`, { defaultValue: fallback })
      : fallback;
  },
  /**
   * An enum option's text: `inspector.options.<field>.<value>` for words, else the value itself;
   * technical values such as HTTP methods have no entry and are shown as they are.
   */
  option: (field: string | undefined, value: Scalar) => {
    const text = scalarText(value);
    if (field === undefined || typeof value !== 'string' || !translatable.test(field)) return text;
    return translatable.test(value)
      ? i18next.t(`inspector.options.${field}.${value}`, { defaultValue: text })
      : text;
  },
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
  get onePerLine() {
    return i18next.t('inspector.onePerLine');
  },
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
