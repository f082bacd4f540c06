import { useMemo, useState } from 'react'
import { dotsSpent } from '../../../../shared/voting/voteRules.ts'
import { shuffleForVoter } from '../../../../shared/voting/shuffleForVoter.ts'
import type { VoteState } from '../../../../shared/voting/voteState.ts'
import { useMeeting } from '../../sync/MeetingContext.tsx'
import { useMyBallot } from '../../sync/useFeed.ts'
import { useConnection } from '../../state/connectionStore.ts'
import { useTranslation } from 'react-i18next'
import { describeFailure } from '../../i18n/describeFailure.ts'

type SaveState = { phase: 'saving'; dots: number } | { phase: 'saved' } | { phase: 'failed'; message: string }

/** The secret ballot: candidates in this voter's own order, +/− per candidate, every change saved and shown. */
export function Ballot({ vote }: { vote: VoteState }) {
  const { client } = useMeeting()
  const me = useConnection((s) => s.identity?.participantId ?? '')
  const isOnline = useConnection((s) => s.status === 'connected' && s.isSynced)
  const mine = useMyBallot(client)
  const [saves, setSaves] = useState<Record<string, SaveState>>({})
  const ballot = mine.round === vote.round ? mine.ballot : {}
  const candidates = useMemo(() => shuffleForVoter(vote.candidates, me), [vote.candidates, me])
  const spent = dotsSpent(ballot)
  const left = vote.settings.budget - spent
  const cap = vote.settings.perCandidateCap
  const { t } = useTranslation()

  const change = async (candidateId: string, dots: number) => {
    setSaves((s) => ({ ...s, [candidateId]: { phase: 'saving', dots } }))
    try {
      await client.send({ type: 'setDots', round: vote.round, candidateId, dots })
      setSaves((s) => ({ ...s, [candidateId]: { phase: 'saved' } }))
    } catch (e) {
      setSaves((s) => ({ ...s, [candidateId]: { phase: 'failed', message: describeFailure(e) } }))
    }
  }

  return (
    <section aria-labelledby="ballot-heading" className="ballot">
      <h3 id="ballot-heading">{t('vote.yourDots')}</h3>
      <p className="dots-left" aria-live="polite">
        <span className="dot-row" aria-hidden="true">
          {Array.from({ length: vote.settings.budget }, (_, i) => (
            <span key={i} className={i < spent ? 'dot used' : 'dot'} />
          ))}
        </span>
        {t('vote.left', { count: left, budget: vote.settings.budget })}
        {cap !== null && <span className="hint">{t('vote.cap', { cap })}</span>}
      </p>
      {vote.settings.isSpendAllReminded && left > 0 && spent > 0 && <p className="hint">{t('vote.spendAll')}</p>}
      <p className="hint">{t('vote.secret')}</p>
      <ul className="candidates" aria-label={t('vote.candidates')}>
        {candidates.map((c) => {
          const dots = ballot[c.id] ?? 0
          const save = saves[c.id]
          const isOwnBlocked = vote.settings.isOwnVoteForbidden && c.authorIds.includes(me)
          const canAdd = isOnline && left > 0 && (cap === null || dots < cap) && !isOwnBlocked && save?.phase !== 'saving'
          const canRemove = isOnline && dots > 0 && save?.phase !== 'saving'
          return (
            <li key={c.id} className={dots > 0 ? 'candidate has-dots' : 'candidate'}>
              <div className="candidate-text">
                <p className="candidate-title">{c.title}</p>
                {c.cardIds.length > 1 && <p className="hint">{t('vote.grouped', { count: c.cardIds.length })}</p>}
                {isOwnBlocked && <p className="hint">{t('vote.ownBlocked')}</p>}
              </div>
              <div className="dot-controls">
                <button
                  type="button"
                  className="secondary round"
                  disabled={!canRemove}
                  aria-label={t('vote.remove', { title: c.title })}
                  onClick={() => void change(c.id, dots - 1)}
                >
                  −
                </button>
                <span className="dot-count" aria-label={t('vote.dotsOn', { count: dots, title: c.title })}>
                  {dots}
                </span>
                <button
                  type="button"
                  className="primary round"
                  disabled={!canAdd}
                  aria-label={t('vote.add', { title: c.title })}
                  onClick={() => void change(c.id, dots + 1)}
                >
                  +
                </button>
              </div>
              <span className="save-state" aria-live="polite">
                {save?.phase === 'saving' ? t('common.saving') : save?.phase === 'saved' ? t('common.saved') : save?.phase === 'failed' ? save.message : ''}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
