import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { joinAs, startTestServer, waitFor, type TestServer } from './helpers/testServer.ts'

// "n changes are waiting to be saved" must count changes only. A question (the people list) sent just before the
// socket dropped used to be counted as unsaved work, and the hello of the old socket stayed pending for ever.

let t: TestServer

beforeAll(async () => {
  t = await startTestServer()
})

afterEach(() => {
  t.closeClients()
})

afterAll(async () => {
  await t.close()
})

it('counts a change queued offline, not a question in flight when the socket dropped, and settles both after reconnecting', async () => {
  const meeting = await t.createMeeting()
  const { client } = await joinAs(t, meeting.meetingId, 'Ada Lovelace')
  const pendingSeen: number[] = []
  client.on('pending', (count) => pendingSeen.push(count))

  const question = client.send({ type: 'findPeople', query: '', limit: 100 })
  client.provider.disconnect()
  await waitFor(client, () => client.status === 'disconnected')
  expect(client.pendingCount).toBe(0)

  const change = client.send({ type: 'rename', name: 'Ada King' })
  expect(client.pendingCount).toBe(1)
  expect(pendingSeen).toEqual([0, 1])

  client.provider.connect()
  // Resent in the order asked: the question is answered before the rename is applied.
  const [people] = await Promise.all([question, change])
  expect(people.people.map((p) => p.name)).toEqual(['Ada Lovelace'])
  await waitFor(client, () => client.pendingCount === 0 && client.identity !== null)
  expect(pendingSeen.at(-1)).toBe(0)
})
