import 'i18next';
import type ja from './ja.json';

// Lets TypeScript reject translation keys that do not exist in ja.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof ja;
    };
  }
}
