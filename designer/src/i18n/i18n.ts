import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en } from './en.ts';
import { zh } from './zh.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '中文' },
] as const;

const STORED = 'parley.language';

/** i18next with the bundled translations, ready before the first render (nothing is fetched). */
export function setUpI18n(lng: string) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}

/** The designer's UI language: what the user picked last, else English. */
export function initI18n() {
  const stored = window.localStorage.getItem(STORED);
  const i18n = setUpI18n(LANGUAGES.some((l) => l.code === stored) && stored ? stored : 'en');
  const showLanguage = (code: string) => {
    document.documentElement.lang = code === 'zh' ? 'zh-CN' : code;
    // zod's own validation messages (the inspector shows them) follow the UI language.
    z.config(code === 'zh' ? z.locales.zhCN() : z.locales.en());
  };
  showLanguage(i18n.language);
  i18n.on('languageChanged', (code) => {
    window.localStorage.setItem(STORED, code);
    showLanguage(code);
  });
  return i18n;
}
