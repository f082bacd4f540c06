import { expect, test, type Page } from '@playwright/test'
import { ServerProcess } from './helpers/serverProcess.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { createMeetingAsFacilitator, joinAs, peopleList } from './helpers/meetingFlows.ts'
import { closeAllContexts } from './helpers/closeContexts.ts'

let server: ServerProcess

test.beforeEach(async () => {
  server = await ServerProcess.start()
})

test.afterEach(async ({ browser }, testInfo) => {
  await closeAllContexts(browser, testInfo)
  await server.stop()
})

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds'] as const

async function expectStage(page: Page, stage: string) {
  await expect(page.getByRole('heading', { level: 2, name: stage, exact: true })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Meeting stages' }).locator('[aria-current="step"]')).toContainText(stage)
}

test('people join by link, see each other, follow the stage, and ride out a server kill -9 without reloading', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const [ada, grace, linus] = [
    await joinAs(browser, joinUrl, NAMES[0]),
    await joinAs(browser, joinUrl, NAMES[1], { isPhone: true }),
    await joinAs(browser, joinUrl, NAMES[2]),
  ] as [Page, Page, Page]
  const everyone = [facilitator, ada, grace, linus]

  for (const page of everyone) {
    for (const name of NAMES) await expect(peopleList(page)).toContainText(name)
    await expect(page.getByText('3 joined')).toBeVisible()
    await expectStage(page, 'Mission')
  }

  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  for (const page of everyone) await expectStage(page, 'Submit')

  await server.killHard()
  for (const page of everyone) await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible()

  await server.spawn()
  for (const page of everyone) {
    await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeHidden()
    await expectStage(page, 'Submit')
    for (const name of NAMES) await expect(peopleList(page)).toContainText(name)
    await expect(page.getByText('3 online')).toBeVisible()
  }
  // Still live after the restart: the facilitator's next move reaches everyone.
  await facilitator.getByRole('button', { name: 'Advance to Group' }).click()
  for (const page of everyone) await expectStage(page, 'Group')
})

test('"I\'m done" counts for everyone, the facilitator sees who is left, and the timer shows on every screen', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  const grace = await joinAs(browser, joinUrl, 'Grace Hopper', { isPhone: true })
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await expectStage(ada, 'Submit')

  await ada.getByRole('button', { name: 'I’m done' }).click()
  await expect(ada.getByRole('button', { name: '✓ I’m done' })).toHaveAttribute('aria-pressed', 'true')
  for (const page of [facilitator, ada, grace]) await expect(page.getByRole('main', { name: 'Stage' }).getByText('1 of 2 done')).toBeVisible()
  // The facilitator's stage bar carries the same count, reachable however far down the page they are.
  await expect(facilitator.getByRole('region', { name: 'Stage controls' })).toContainText('1 of 2 done')
  const notDone = facilitator.getByRole('list', { name: 'People not done yet' })
  await expect(notDone).toContainText('Grace Hopper')
  await expect(notDone).not.toContainText('Ada Lovelace')
  await expect(grace.getByRole('list', { name: 'People not done yet' })).toHaveCount(0)

  await facilitator.getByRole('button', { name: '5 min' }).click()
  for (const page of [facilitator, ada, grace]) await expect(page.getByRole('timer', { name: 'Stage timer' })).toContainText(/4:5\d|5:00/)
  await facilitator.getByRole('button', { name: 'Stop timer' }).click()
  for (const page of [facilitator, ada, grace]) await expect(page.getByRole('timer')).toHaveCount(0)
})

test('going back a stage asks for confirmation first', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await expectStage(ada, 'Submit')
  await facilitator.getByRole('button', { name: 'Back to Mission…' }).click()
  await facilitator.getByRole('button', { name: 'Cancel' }).click()
  await expectStage(facilitator, 'Submit')
  await facilitator.getByRole('button', { name: 'Back to Mission…' }).click()
  await facilitator.getByRole('button', { name: 'Yes, go back' }).click()
  await expectStage(ada, 'Mission')
})

test('a reload keeps the same identity, and two tabs of one person count once', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  await ada.reload()
  await expect(ada.getByText('Joined as Ada Lovelace')).toBeVisible()
  const secondTab = await ada.context().newPage()
  await secondTab.goto(joinUrl)
  await expect(secondTab.getByText('Joined as Ada Lovelace')).toBeVisible()
  await expect(facilitator.getByText('1 joined')).toBeVisible()
  await expect(facilitator.getByText('1 online')).toBeVisible()
  await ada.getByRole('button', { name: 'Change name' }).click()
  await ada.getByLabel('Your name').fill('Ada King')
  await ada.getByRole('button', { name: 'Save' }).click()
  await expect(peopleList(facilitator)).toContainText('Ada King')
  await expect(secondTab.getByText('Joined as Ada King')).toBeVisible()
  await secondTab.close()
  await ada.close()
  await expect(facilitator.getByText('1 away')).toBeVisible()
})

test('every page has no serious accessibility violations', async ({ browser }) => {
  const context = await browser.newContext()
  const create = await context.newPage()
  await create.goto(server.url)
  await expectNoSeriousA11yViolations(create, 'create meeting page')

  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  await expectNoSeriousA11yViolations(facilitator, 'facilitator view (mission)')

  const joinPage = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
  await joinPage.goto(joinUrl)
  await expect(joinPage.getByLabel('Your name')).toBeVisible()
  await expectNoSeriousA11yViolations(joinPage, 'join page (phone)')

  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace', { isPhone: true })
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await expectStage(ada, 'Submit')
  await facilitator.getByRole('button', { name: '2 min' }).click()
  await expect(ada.getByRole('timer')).toBeVisible()
  await expectNoSeriousA11yViolations(ada, 'participant view (phone, submit)')
  await expectNoSeriousA11yViolations(facilitator, 'facilitator view (submit, timer)')

  const screen = await context.newPage()
  await screen.goto(`${joinUrl}/screen`)
  await expect(screen.getByText('Join at')).toBeVisible()
  await expectNoSeriousA11yViolations(screen, 'projector screen')

  const missing = await context.newPage()
  await missing.goto(`${server.url}/m/doesNotExist12345`)
  await expect(missing.getByRole('heading', { name: 'Meeting not found' })).toBeVisible()
  await expectNoSeriousA11yViolations(missing, 'missing meeting page')
})
