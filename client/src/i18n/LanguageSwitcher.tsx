import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from './i18n.ts'

/** English / Español; the choice is remembered in this browser. */
export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <div className={`language-switcher ${className}`}>
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.resolvedLanguage ?? 'en'} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  )
}
