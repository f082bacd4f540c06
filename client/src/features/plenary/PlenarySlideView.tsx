import { ConfidenceBadge } from '../keyResults/ConfidenceControl.tsx'
import type { PublishedObjective } from '../../../../shared/exports/publishedSet.ts'
import type { PlenarySlide } from './plenarySlides.ts'

export function PlenarySlideView({ slide, position }: { slide: PlenarySlide; position: string }) {
  switch (slide.kind) {
    case 'title':
      return (
        <section className="plenary-slide plenary-title" aria-roledescription="slide" aria-label={position}>
          <p className="eyebrow">{slide.set.quarter}</p>
          <h1>{slide.set.title}</h1>
          <blockquote className="mission big">{slide.set.mission}</blockquote>
          <p className="plenary-lead">
            {slide.set.objectives.length === 1 ? 'One objective' : `${slide.set.objectives.length} objectives`} for {slide.set.quarter}
          </p>
        </section>
      )
    case 'previous':
      return (
        <section className="plenary-slide" aria-roledescription="slide" aria-label={position}>
          <p className="eyebrow">
            Last quarter, {slide.quarter} · objective {slide.number} of {slide.count}
          </p>
          <ObjectiveBody objective={slide.objective} listLabel={`Last quarter’s results for “${slide.objective.title}”`} confidenceLabel="Last confidence" />
        </section>
      )
    case 'objective':
      return (
        <section className="plenary-slide" aria-roledescription="slide" aria-label={position}>
          <p className="eyebrow">
            Objective {slide.number} of {slide.count}
          </p>
          <ObjectiveBody objective={slide.objective} listLabel={`Key results for “${slide.objective.title}”`} confidenceLabel="Confidence" />
        </section>
      )
  }
}

function ObjectiveBody({ objective, listLabel, confidenceLabel }: { objective: PublishedObjective; listLabel: string; confidenceLabel: string }) {
  const facts = [objective.team && `Owner: ${objective.team}`, objective.deadline && `Deadline: ${objective.deadline}`].filter(Boolean)
  return (
    <>
      <h1 className="plenary-objective">{objective.title}</h1>
      {facts.length > 0 && <p className="plenary-facts">{facts.join(' · ')}</p>}
      <table className="plenary-krs" aria-label={listLabel}>
        <thead>
          <tr>
            <th scope="col">Key result</th>
            <th scope="col">Owner</th>
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
