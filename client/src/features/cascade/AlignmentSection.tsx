import { useEffect, useState } from 'react'
import type { AlignmentResponse } from '../../../../shared/cascade/alignmentReport.ts'
import { AlignmentView } from './AlignmentView.tsx'
import { useTranslation } from 'react-i18next'
import i18next from '../../i18n/i18n.ts'

type State = { phase: 'loading' } | { phase: 'ready'; report: AlignmentResponse } | { phase: 'failed'; message: string }

export function useAlignment(meetingId: string): State {
  const [state, setState] = useState<State>({ phase: 'loading' })
  useEffect(() => {
    let isCurrent = true
    fetch(`/api/meetings/${meetingId}/alignment`)
      .then(async (res) => {
        if (!isCurrent) return
        if (!res.ok)
          return setState({
            phase: 'failed',
            message: res.status === 404 ? i18next.t('pages.notPublishedText') : i18next.t('pages.answered', { status: res.status }),
          })
        setState({ phase: 'ready', report: (await res.json()) as AlignmentResponse })
      })
      .catch(() => isCurrent && setState({ phase: 'failed', message: i18next.t('pages.unreachable') }))
    return () => {
      isCurrent = false
    }
  }, [meetingId])
  return state
}

/**
 * On the public page: the alignment view under the published set. A department's page shows a link to its company's
 * view instead, so the tree lives in one place.
 */
export function AlignmentSection({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation()
  const state = useAlignment(meetingId)
  if (state.phase !== 'ready') return null
  const { report } = state
  if (report.department) {
    return (
      <p className="note no-print">
        {t('cascade.departmentSupports', { department: report.department.department, quarter: report.company.quarter, title: report.company.title })}{' '}
        <a href={`/p/${report.company.meetingId}/alignment`}>{t('cascade.seeHowAlign')}</a>
      </p>
    )
  }
  if (report.departments.length === 0) {
    return (
      <p className="note no-print">
        {t('cascade.departmentsAlign')} <a href={`/?company=${meetingId}`}>{t('cascade.startDepartment')}</a>.
      </p>
    )
  }
  return (
    <>
      <AlignmentView report={report} />
      <p className="no-print">
        <a href={`/p/${meetingId}/alignment`}>{t('cascade.openAlignment')}</a>
      </p>
    </>
  )
}
