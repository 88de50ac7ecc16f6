import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setAcceptLanguage } from '../api/api_client';
import en from './en.json';
import ja from './ja.json';

/**
 * Japanese is the primary language; English is offered to foreign
 * professionals and partners. The choice is remembered in localStorage so a
 * returning visitor keeps it, and it is mirrored to <html lang> (screen readers
 * pick their voice from it) and to the API's Accept-Language.
 */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'ja';
export const LANGUAGE_STORAGE_KEY = 'kakehashi.language';

export const resources = {
  ja: { translation: ja },
  en: { translation: en },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on an earlier visit, else Japanese. */
export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies); fall back quietly.
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  setAcceptLanguage(language);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage: the choice then lasts for this page only.
  }
}

/** Starts i18next once; safe to call again (tests do). */
export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', applyLanguage);
    void i18next.use(initReactI18next).init({
      resources,
      lng: readStoredLanguage(),
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      interpolation: {
        // React escapes what it renders, so i18next must not escape a second time.
        escapeValue: false,
      },
      returnNull: false,
      initAsync: false,
    });
    applyLanguage(i18next.language);
  }
  return i18next;
}

export function changeLanguage(language: Language): Promise<unknown> {
  return i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}
