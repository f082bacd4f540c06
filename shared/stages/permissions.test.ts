import { describe, expect, it } from 'vitest'
import { checkAuthorOrFacilitator, checkPermission, type Action, type Actor } from './permissions.ts'
import { STAGES, type Stage } from './stages.ts'

const facilitator: Actor = { role: 'facilitator', participantId: 'fac' }
const participant: Actor = { role: 'participant', participantId: 'ana' }
const anonymous: Actor = { role: 'anonymous' }

const WORKING: Stage[] = ['submit', 'group', 'vote', 'keyResults']
const NOT_WORKING: Stage[] = ['mission', 'review', 'published']
const BEFORE_PUBLISHED: Stage[] = STAGES.filter((s) => s !== 'published')

type Expected = 'ok' | 'forbidden' | 'wrong_stage' | 'not_joined'
type Row = [actorName: string, actor: Actor, action: Action, stage: Stage, expected: Expected]

function rows(actorName: string, actor: Actor, action: Action, stages: readonly Stage[], expected: Expected): Row[] {
  return stages.map((stage) => [actorName, actor, action, stage, expected])
}

/** Who may do what in which stage: the whole table, one row per cell. */
const TABLE: Row[] = [
  // join: anyone until the OKRs are published
  ...rows('anonymous', anonymous, 'join', BEFORE_PUBLISHED, 'ok'),
  ...rows('anonymous', anonymous, 'join', ['published'], 'wrong_stage'),
  ...rows('participant', participant, 'join', ['published'], 'wrong_stage'),
  // rename: anyone who joined, in every stage
  ...rows('participant', participant, 'rename', STAGES, 'ok'),
  ...rows('facilitator', facilitator, 'rename', STAGES, 'ok'),
  ...rows('anonymous', anonymous, 'rename', STAGES, 'not_joined'),
  // markDone: participants, in working stages only
  ...rows('participant', participant, 'markDone', WORKING, 'ok'),
  ...rows('participant', participant, 'markDone', NOT_WORKING, 'wrong_stage'),
  ...rows('facilitator', facilitator, 'markDone', STAGES, 'forbidden'),
  ...rows('anonymous', anonymous, 'markDone', STAGES, 'not_joined'),
  // facilitator-only actions, in every stage
  ...(['changeStage', 'controlTimer', 'editMeeting'] as const).flatMap((action) => [
    ...rows('facilitator', facilitator, action, STAGES, 'ok'),
    ...rows('participant', participant, action, STAGES, 'forbidden'),
    ...rows('anonymous', anonymous, action, STAGES, 'not_joined'),
  ]),
  // voting: participants cast dots, the facilitator runs it, both only in Vote
  ...rows('participant', participant, 'vote', ['vote'], 'ok'),
  ...rows(
    'participant',
    participant,
    'vote',
    STAGES.filter((s) => s !== 'vote'),
    'wrong_stage',
  ),
  ...rows('facilitator', facilitator, 'vote', ['vote'], 'forbidden'),
  ...rows('anonymous', anonymous, 'vote', ['vote'], 'not_joined'),
  ...rows('facilitator', facilitator, 'runVote', ['vote'], 'ok'),
  ...rows('facilitator', facilitator, 'runVote', ['group', 'keyResults'], 'wrong_stage'),
  ...rows('participant', participant, 'runVote', ['vote'], 'forbidden'),
  ...rows('anonymous', anonymous, 'runVote', ['vote'], 'forbidden'),
  // board suggestions and the audit trail: the facilitator's tools
  ...rows('facilitator', facilitator, 'suggestClusters', ['group'], 'ok'),
  ...rows('facilitator', facilitator, 'resolveSuggestion', ['submit', 'vote'], 'wrong_stage'),
  ...rows('participant', participant, 'suggestClusters', ['group'], 'forbidden'),
  ...rows('anonymous', anonymous, 'readAudit', STAGES, 'forbidden'),
  ...rows('facilitator', facilitator, 'readAudit', STAGES, 'ok'),
  // similar proposals while submitting; key results while drafting; personal OKRs after publishing
  ...rows('participant', participant, 'findSimilar', ['submit'], 'ok'),
  ...rows('participant', participant, 'findSimilar', ['group'], 'wrong_stage'),
  ...rows('anonymous', anonymous, 'findSimilar', ['submit'], 'not_joined'),
  ...rows('participant', participant, 'draftKeyResults', ['keyResults'], 'ok'),
  ...rows('facilitator', facilitator, 'draftKeyResults', ['vote', 'review'], 'wrong_stage'),
  ...rows('participant', participant, 'decideKeyResults', ['keyResults'], 'forbidden'),
  ...rows('facilitator', facilitator, 'decideKeyResults', ['keyResults'], 'ok'),
  ...rows('facilitator', facilitator, 'recordPersonalOkrs', ['published'], 'ok'),
  ...rows('facilitator', facilitator, 'recordPersonalOkrs', ['keyResults'], 'wrong_stage'),
  ...rows('participant', participant, 'recordPersonalOkrs', ['published'], 'forbidden'),
  ...rows('anonymous', anonymous, 'recordPersonalOkrs', ['published'], 'not_joined'),
  // linking a department objective to the company set: everyone in Key results, only the facilitator in Review
  ...rows('participant', participant, 'linkObjective', ['keyResults'], 'ok'),
  ...rows('facilitator', facilitator, 'linkObjective', ['keyResults', 'review'], 'ok'),
  ...rows('participant', participant, 'linkObjective', ['review'], 'forbidden'),
  ...rows('participant', participant, 'linkObjective', ['submit', 'vote', 'published'], 'wrong_stage'),
  ...rows('anonymous', anonymous, 'linkObjective', ['keyResults', 'review'], 'not_joined'),
]

describe('checkPermission', () => {
  it.each(TABLE)('%s → %s in %s: %s', (_name, actor, action, stage, expected) => {
    const permission = checkPermission(actor, action, stage)
    if (expected === 'ok') {
      expect(permission).toEqual({ ok: true })
    } else {
      expect(permission).toMatchObject({ ok: false, code: expected })
      if (!permission.ok) expect(permission.reason.length).toBeGreaterThan(10)
    }
  })

  it('refuses a participant who tries to advance the stage', () => {
    expect(checkPermission(participant, 'changeStage', 'submit')).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('refuses a facilitator who tries to mark themselves done', () => {
    expect(checkPermission(facilitator, 'markDone', 'vote')).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('asks someone who has not joined to join first, whatever they try', () => {
    for (const action of ['rename', 'changeStage', 'markDone', 'controlTimer', 'editMeeting'] as const)
      expect(checkPermission(anonymous, action, 'vote')).toMatchObject({ ok: false, code: 'not_joined' })
  })
})

describe('checkAuthorOrFacilitator', () => {
  const reason = 'Only its proposer or the facilitator can delete a key result.'

  it('lets the author and the facilitator change what the author made', () => {
    expect(checkAuthorOrFacilitator(participant, 'ana', reason)).toEqual({ ok: true })
    expect(checkAuthorOrFacilitator(facilitator, 'ana', reason)).toEqual({ ok: true })
  })

  it('refuses another participant with the reason given, and asks the not-joined to join', () => {
    expect(checkAuthorOrFacilitator({ role: 'participant', participantId: 'ben' }, 'ana', reason)).toEqual({ ok: false, code: 'forbidden', reason })
    expect(checkAuthorOrFacilitator(anonymous, 'ana', reason)).toMatchObject({ ok: false, code: 'not_joined' })
  })
})
