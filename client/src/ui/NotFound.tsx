import { useTranslation } from 'react-i18next'

export function NotFound() {
  const { t } = useTranslation()
  return (
    <main className="page narrow">
      <h1>{t('pages.pageNotFound')}</h1>
      <p>{t('pages.pageNotFoundText')}</p>
      <p>
        <a className="button" href="/">
          {t('pages.createMeeting')}
        </a>
      </p>
    </main>
  )
}
