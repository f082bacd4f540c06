import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assembleMission } from '../../shared/meeting/mission.ts'
import { DEFAULT_MEETING, facilitatorOf, startTestServer, viewOf, waitFor, type TestServer } from './helpers/testServer.ts'

let t: TestServer

beforeAll(async () => {
  t = await startTestServer()
})
afterEach(() => t.closeClients())
afterAll(async () => {
  await t.close()
})

describe('a meeting created in Spanish', () => {
  it('keeps the mission’s language, so everyone reads the Spanish frame, and names the facilitator in Spanish', async () => {
    const mission = { value: 'ayudamos a pequeñas tiendas a vender online', field: 'software para comercios', impact: '', language: 'es' }
    const meeting = await t.createMeeting({ ...DEFAULT_MEETING, mission })
    const facilitator = await facilitatorOf(t, meeting)
    await waitFor(facilitator, () => facilitator.isSynced)
    expect(viewOf(facilitator).mission).toMatchObject({ language: 'es' })
    expect(assembleMission(viewOf(facilitator).mission)).toBe('Nosotros ayudamos a pequeñas tiendas a vender online en software para comercios.')
    expect(facilitator.identity?.name).toBe('Facilitación')
  })

  it('refuses a language it has no frame for', async () => {
    await expect(t.createMeeting({ ...DEFAULT_MEETING, mission: { ...DEFAULT_MEETING.mission, language: 'fr' } })).rejects.toThrow()
  })
})
