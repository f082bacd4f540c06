import type { PublishedObjective, PublishedSet } from '../../../../shared/exports/publishedSet.ts'

/** The all-hands deck: a title, last quarter's results first (DOMAIN.md), then one objective per screen. */
export type PlenarySlide =
  | { kind: 'title'; set: PublishedSet }
  | { kind: 'previous'; quarter: string; objective: PublishedObjective; number: number; count: number }
  | { kind: 'objective'; objective: PublishedObjective; number: number; count: number }

export function plenarySlides(set: PublishedSet, previous: PublishedSet | null): PlenarySlide[] {
  const slides: PlenarySlide[] = [{ kind: 'title', set }]
  if (previous) {
    previous.objectives.forEach((objective, i) =>
      slides.push({ kind: 'previous', quarter: previous.quarter, objective, number: i + 1, count: previous.objectives.length }),
    )
  }
  set.objectives.forEach((objective, i) => slides.push({ kind: 'objective', objective, number: i + 1, count: set.objectives.length }))
  return slides
}

/** Presenter keys: the ones a clicker sends (Page Down / Page Up) and the ones a keyboard user expects. */
export function slideStep(key: string): 1 | -1 | 'first' | 'last' | null {
  if (key === 'ArrowRight' || key === 'PageDown' || key === ' ' || key === 'ArrowDown') return 1
  if (key === 'ArrowLeft' || key === 'PageUp' || key === 'ArrowUp' || key === 'Backspace') return -1
  if (key === 'Home') return 'first'
  if (key === 'End') return 'last'
  return null
}
