import { useEffect, useState } from 'react'
import type { AlignmentResponse } from '../../../../shared/cascade/alignmentReport.ts'
import { AlignmentView } from './AlignmentView.tsx'

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
            message: res.status === 404 ? 'These OKRs are not published (yet), or the link is wrong.' : `The server answered ${res.status}.`,
          })
        setState({ phase: 'ready', report: (await res.json()) as AlignmentResponse })
      })
      .catch(() => isCurrent && setState({ phase: 'failed', message: 'The server cannot be reached. Check your connection and reload.' }))
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
  const state = useAlignment(meetingId)
  if (state.phase !== 'ready') return null
  const { report } = state
  if (report.department) {
    return (
      <p className="note no-print">
        {report.department.department}’s OKRs support the company’s {report.company.quarter} set “{report.company.title}”.{' '}
        <a href={`/p/${report.company.meetingId}/alignment`}>See how they align</a>
      </p>
    )
  }
  if (report.departments.length === 0) {
    return (
      <p className="note no-print">
        Departments align their own OKRs to this set: <a href={`/?company=${meetingId}`}>start a department meeting</a>.
      </p>
    )
  }
  return (
    <>
      <AlignmentView report={report} />
      <p className="no-print">
        <a href={`/p/${meetingId}/alignment`}>Open the alignment view on its own page</a>
      </p>
    </>
  )
}
