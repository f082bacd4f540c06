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

type Messages = { [key: string]: string | Messages }

/**
 * Spanish has a third plural category, "many" (1,000,000 and up, in Intl.PluralRules); without a `_many` message
 * i18next would fall back to the English one, so each Spanish `_other` message stands in for its `_many`.
 */
export function withManyForms(messages: Messages): Messages {
  const out: Messages = {}
  for (const [key, value] of Object.entries(messages)) {
    out[key] = typeof value === 'string' ? value : withManyForms(value)
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : null
    if (base !== null && typeof value === 'string' && !(`${base}_many` in messages)) out[`${base}_many`] = value
  }
  return out
}

/**
 * The UI's messages live in ./locales/<lang>.json; i18next picks the language from a saved choice, then the
 * browser, falling back to English. Server refusals are translated by ./serverMessages.ts.
 */
void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, es: { translation: withManyForms(es) } },
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
  // Unit tests import modules that read messages, in Node, where there is no document.
  if (typeof document !== 'undefined') document.documentElement.lang = lng.split('-')[0] ?? 'en'
}
syncDocumentLanguage(i18next.resolvedLanguage ?? 'en')
i18next.on('languageChanged', () => syncDocumentLanguage(i18next.resolvedLanguage ?? 'en'))

export function currentLocale(): string {
  return i18next.resolvedLanguage ?? 'en'
}

export default i18next
