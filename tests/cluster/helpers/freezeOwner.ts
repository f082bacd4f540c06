import { readLeaseOwner } from '../../../server/cluster/lease/meetingLease.ts'
import { sendUntilSaved, type RoomWorkloads, type Workload } from './roomWorkload.ts'
import { waitFor } from './waitFor.ts'

/**
 * The SIGSTOP scenario both real-room cluster suites run: a probe joins on the owner, the owner is frozen past its
 * lease, another node takes over and acknowledges more proposals, then the owner wakes and must send its sockets
 * away with 1012. Returns the two leases and how long the takeover took.
 */
export async function freezeOwnerUntilFenced(workloads: RoomWorkloads, work: Workload) {
  const frozen = await workloads.owner(work.meetingId)
  // Someone connected straight to the owner, idle: they must be told to reconnect (1012) once it wakes.
  const probe = workloads.client(frozen.slot, work.meetingId)
  const closeCodes: number[] = []
  probe.provider.on('connection-close', (event: CloseEvent | null) => void (event && closeCodes.push(event.code)))
  // Under load a commit can fail ("not saved", never acknowledged), as for the workload's own people: resend.
  await sendUntilSaved((id) => probe.send({ type: 'join', name: 'Probe' }, id))
  const frozenNode = workloads.cluster.nodes[frozen.slot]
  frozenNode?.freeze()
  const frozenAt = Date.now()
  const next = await waitFor(
    'another node to take the meeting over',
    async () => {
      const lease = await readLeaseOwner(workloads.observer.db, work.meetingId)
      return lease && lease.epoch > frozen.epoch && lease.remainingMs > 0 ? lease : undefined
    },
    // Well under the clients' own 30 s silence timeout: the other nodes notice the frozen owner themselves.
    20_000,
  )
  const takenOverAfterMs = Date.now() - frozenAt
  const before = work.proposed.size
  await waitFor('proposals acknowledged by the new owner while the old one is frozen', () => work.proposed.size >= before + 20, 90_000)
  frozenNode?.thaw()
  await waitFor('the woken owner to send its sockets away (1012)', () => closeCodes.includes(1012), 30_000).catch((e: unknown) => {
    throw new Error(`${String(e)}; the probe's socket closed with [${closeCodes.join(', ')}]`)
  })
  return { frozen, next, takenOverAfterMs }
}
