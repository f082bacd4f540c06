import type { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { waitForClient } from '../../../shared/client/waitForClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { Stage } from '../../../shared/stages/stages.ts'

/**
 * Takes a one-objective meeting from Mission to Key results: the participant proposes one objective, it is grouped
 * as is and chosen by the vote. Resolves with the chosen objective's id once both clients see it.
 */
export async function oneObjectiveToKeyResults(
  facilitator: MeetingClient,
  participant: MeetingClient,
  proposal: { title: string; why: string },
  timeoutMs = 5000,
): Promise<string> {
  const advance = (expected: Stage) => facilitator.send({ type: 'changeStage', move: 'advance', expected })
  await advance('mission')
  await participant.send({ type: 'submitObjective', title: proposal.title, why: proposal.why })
  await advance('submit')
  await advance('group')
  await facilitator.send({ type: 'openVoting' })
  await facilitator.send({ type: 'closeVoting' })
  await facilitator.send({ type: 'revealVotes' })
  await advance('vote')
  const oneObjective = (client: MeetingClient) => () => (readMeetingView(client.doc)?.objectives.length ?? 0) === 1
  await waitForClient(facilitator, oneObjective(facilitator), timeoutMs)
  await waitForClient(participant, oneObjective(participant), timeoutMs)
  return readMeetingView(facilitator.doc)!.objectives[0]!.id
}
