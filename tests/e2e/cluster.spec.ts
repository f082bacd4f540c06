import { expect, test, type Page } from '@playwright/test'
import { freshDatabase } from '../cluster/helpers/freshDatabase.ts'
import { ThrowawayPostgres } from '../cluster/helpers/ThrowawayPostgres.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { closeAllContexts } from './helpers/closeContexts.ts'
import { createMeetingAsFacilitator, joinAs } from './helpers/meetingFlows.ts'
import { ServerProcess } from './helpers/serverProcess.ts'

// Cluster mode in the browser: two server processes on one Postgres, the facilitator on one node and a participant
// on the other. Whichever node owns the meeting, both see each other's changes; when the owner is killed, the other
// node takes the meeting over and nothing acknowledged is lost.

let postgres: ThrowawayPostgres | null = null
const nodes: ServerProcess[] = []

test.afterEach(async ({ browser }, testInfo) => {
  await closeAllContexts(browser, testInfo)
  for (const node of nodes.splice(0)) await node.stop()
  await postgres?.destroy()
  postgres = null
})

/** The same page on another node: the join link names the node that served the facilitator. */
const onNode = (url: string, node: ServerProcess) => {
  const moved = new URL(url)
  moved.port = String(node.port)
  return moved.toString()
}

const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'Connection lost' })

test('two browsers on two nodes share one meeting, and it survives the owner being killed', async ({ browser }) => {
  postgres = await ThrowawayPostgres.start()
  const env = { DATABASE_URL: await freshDatabase(postgres), LEASE_TTL_MS: '1500' }
  nodes.push(await ServerProcess.start(env), await ServerProcess.start(env))
  const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess]

  // The facilitator's socket reaches node A first, so node A owns the meeting; Ada's goes through node B.
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, nodeA.url)
  const ada = await joinAs(browser, onNode(joinUrl, nodeB), 'Ada Lovelace')
  await expectNoSeriousA11yViolations(ada, 'participant page on the second node')
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await expect(ada.getByRole('heading', { name: 'Submit', level: 2 })).toBeVisible()
  await ada.getByLabel('Objective', { exact: true }).fill('Make trials convert')
  await ada.getByRole('button', { name: 'Propose objective' }).click()
  await expect(ada.getByRole('list', { name: 'Your proposals' })).toContainText('Make trials convert')
  await expect(facilitator.getByText('1 objective proposed so far')).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'facilitator page on the first node')

  // The owner dies: Ada's node takes the meeting over once the lease has run out; her next proposal is saved there.
  await nodeA.killHard()
  await expect(facilitator.getByRole('status').filter({ hasText: 'Connection lost' })).toBeVisible()
  await ada.getByLabel('Objective', { exact: true }).fill('Halve onboarding time')
  await ada.getByRole('button', { name: 'Propose objective' }).click()
  await expect(ada.getByRole('list', { name: 'Your proposals' })).toContainText('Halve onboarding time')
  await expect(banner(ada)).toBeHidden()

  // Node A comes back as a node that does not own the meeting: the facilitator is passed on to node B.
  await nodeA.spawn()
  await expect(banner(facilitator)).toBeHidden({ timeout: 60_000 })
  await expect(facilitator.getByText('2 objectives proposed so far')).toBeVisible()
  await expect(facilitator.getByRole('list', { name: 'All proposals' }).getByRole('listitem')).toHaveCount(2)
})
