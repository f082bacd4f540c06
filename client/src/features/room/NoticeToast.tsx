import { useEffect } from 'react'
import { useConnection } from '../../state/connectionStore.ts'
import { useTranslation } from 'react-i18next'

const NOTICE_VISIBLE_MS = 8000

/** Server notices (a refused action nobody was waiting on) shown briefly, announced politely. */
export function NoticeToast() {
  const { t } = useTranslation()
  const notice = useConnection((s) => s.notice)
  const set = useConnection((s) => s.set)
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => set({ notice: null }), NOTICE_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [notice, set])
  return (
    <div className="toast-region" aria-live="polite">
      {notice && (
        <div className="toast">
          {notice}
          <button type="button" className="link" onClick={() => set({ notice: null })}>
            {t('room.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
