import { setUpI18n } from './i18n.ts';

// Imported by component tests: they read the English UI, as a user with the default language does.
setUpI18n('en');
