// Test data shared by the rhythm tests (not imported by any rule).
import type { FourSquare, FridayReview, HealthIndicator, Priority, TrackedKeyResult } from './rhythmTypes.ts'

export const KEY_RESULTS: TrackedKeyResult[] = [
  { id: 'kr1', statement: 'Trial-to-paid conversion from 4 % to 7 %', confidence: 5 },
  { id: 'kr2', statement: 'Onboarding NPS from 20 to 45', confidence: 5 },
]

export const priority = (id: string, over: Partial<Priority> = {}): Priority => ({
  id,
  title: `Priority ${id}`,
  rank: 'P1',
  owner: 'Ana',
  keyResultId: null,
  ...over,
})

export const HEALTH: HealthIndicator[] = [
  { id: 'h1', name: 'Team morale', colour: 'green', note: '' },
  { id: 'h2', name: 'Release pipeline', colour: 'yellow', note: '' },
]

/** A four-square with nothing to fix, for the week of 2027-01-11. */
export const fourSquare = (over: Partial<FourSquare> = {}): FourSquare => ({
  team: 'Growth',
  weekId: '2027-01-11',
  priorities: [priority('p1', { keyResultId: 'kr1' }), priority('p2', { rank: 'P2', owner: 'Ben' })],
  plans: [{ id: 'pl1', title: 'Pricing test with Sales', weekId: '2027-01-25', needsFrom: 'Sales', owner: 'Ana' }],
  statuses: [
    { keyResultId: 'kr1', confidence: 5, reason: '' },
    { keyResultId: 'kr2', confidence: 5, reason: '' },
  ],
  health: HEALTH,
  ...over,
})

export const review = (over: Partial<FridayReview> = {}): FridayReview => ({
  team: 'Growth',
  weekId: '2027-01-11',
  wins: [{ id: 'w1', text: 'First 10 paid conversions from the new trial', by: 'Ana' }],
  outcomes: [
    { priorityId: 'p1', isDone: true, why: '' },
    { priorityId: 'p2', isDone: false, why: 'Waiting on Legal' },
  ],
  ...over,
})
