import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../../shared/i18n/i18n';

// Each language is named in itself, so people who cannot read the current one still find theirs.
const LANGUAGE_NAMES: Record<Language, string> = { ja: '日本語', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('layout.languageSwitch')} className="flex w-full items-stretch overflow-hidden rounded-8 border border-solid-gray-600 desktop:w-auto">
      {LANGUAGES.map((language) => {
        const active = i18n.language === language;
        return (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={active}
            onClick={() => void changeLanguage(language)}
            className={`min-h-11 flex-1 px-4 text-oln-16N-100 desktop:flex-none ${
              active ? 'bg-blue-900 font-700 text-white' : 'bg-white text-solid-gray-900 hover:bg-blue-50 hover:underline'
            }`}
          >
            {LANGUAGE_NAMES[language]}
          </button>
        );
      })}
    </div>
  );
}
