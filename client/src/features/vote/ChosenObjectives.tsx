import { useMeeting } from '../../sync/MeetingContext.tsx'

/** The objectives the vote fixed, carried into Key results. */
export function ChosenObjectives() {
  const { view } = useMeeting()
  if (view.objectives.length === 0) return null
  return (
    <section aria-labelledby="objectives-heading" className="chosen-objectives">
      <h3 id="objectives-heading">This quarter’s objectives</h3>
      <ol aria-label="Chosen objectives">
        {view.objectives.map((o) => <li key={o.id}>{o.title}</li>)}
      </ol>
    </section>
  )
}
