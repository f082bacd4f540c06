import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import type { PublishedObjective } from '../../../../shared/exports/publishedSet.ts'
import type { PlenarySlide } from './plenarySlides.ts'
import { useTranslation } from 'react-i18next'

export function PlenarySlideView({ slide, position }: { slide: PlenarySlide; position: string }) {
  const { t } = useTranslation()
  switch (slide.kind) {
    case 'title':
      return (
        <section className="plenary-slide plenary-title" aria-roledescription="slide" aria-label={position}>
          <p className="eyebrow">{slide.set.quarter}</p>
          <h1>{slide.set.title}</h1>
          <blockquote className="mission big">{slide.set.mission}</blockquote>
          <p className="plenary-lead">{t('plenary.objectivesFor', { count: slide.set.objectives.length, quarter: slide.set.quarter })}</p>
        </section>
      )
    case 'previous':
      return (
        <section className="plenary-slide" aria-roledescription="slide" aria-label={position}>
          <p className="eyebrow">{t('plenary.lastQuarter', { quarter: slide.quarter, n: slide.number, total: slide.count })}</p>
          <ObjectiveBody
            objective={slide.objective}
            listLabel={t('plenary.lastResultsFor', { title: slide.objective.title })}
            confidenceLabel={t('plenary.lastConfidence')}
          />
        </section>
      )
    case 'objective':
      return (
        <section className="plenary-slide" aria-roledescription="slide" aria-label={position}>
          <p className="eyebrow">{t('plenary.objectiveOf', { n: slide.number, total: slide.count })}</p>
          <ObjectiveBody
            objective={slide.objective}
            listLabel={t('plenary.krsFor', { title: slide.objective.title })}
            confidenceLabel={t('plenary.confidence')}
          />
        </section>
      )
  }
}

function ObjectiveBody({ objective, listLabel, confidenceLabel }: { objective: PublishedObjective; listLabel: string; confidenceLabel: string }) {
  const { t } = useTranslation()
  const facts = [
    objective.team && t('plenary.owner', { team: objective.team }),
    objective.deadline && t('plenary.deadline', { date: objective.deadline }),
  ].filter(Boolean)
  return (
    <>
      <h1 className="plenary-objective">{objective.title}</h1>
      {facts.length > 0 && <p className="plenary-facts">{facts.join(' · ')}</p>}
      <table className="plenary-krs" aria-label={listLabel}>
        <thead>
          <tr>
            <th scope="col">{t('plenary.keyResult')}</th>
            <th scope="col">{t('plenary.ownerColumn')}</th>
            <th scope="col">{confidenceLabel}</th>
          </tr>
        </thead>
        <tbody>
          {objective.keyResults.map((kr) => (
            <tr key={kr.id}>
              <td>{kr.statement}</td>
              <td>{kr.owner || '—'}</td>
              <td>
                <ConfidenceBadge confidence={kr.confidence} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
