import i18next from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import en from './locales/en.json'
import es from './locales/es.json'

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const
export type Language = (typeof LANGUAGES)[number]['code']

/** Where the switcher's choice is kept; without one, the browser's language decides. */
export const LANGUAGE_STORAGE_KEY = 'qd-language'

/**
 * The UI's messages live in ./locales/<lang>.json; i18next picks the language from a saved choice, then the
 * browser, falling back to English. Server refusals are still in English (see README).
 */
void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, es: { translation: es } },
    supportedLngs: LANGUAGES.map((l) => l.code),
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LANGUAGE_STORAGE_KEY, caches: ['localStorage'] },
    returnNull: false,
  })

/** The page's language follows the UI's, for screen readers and hyphenation. */
const syncDocumentLanguage = (lng: string) => {
  document.documentElement.lang = lng.split('-')[0] ?? 'en'
}
syncDocumentLanguage(i18next.resolvedLanguage ?? 'en')
i18next.on('languageChanged', () => syncDocumentLanguage(i18next.resolvedLanguage ?? 'en'))

export function currentLocale(): string {
  return i18next.resolvedLanguage ?? 'en'
}

export default i18next
