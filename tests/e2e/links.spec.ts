import { expect, test, type Page } from '@playwright/test'
import { ServerProcess } from './helpers/serverProcess.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { createMeetingAsFacilitator, joinAs } from './helpers/meetingFlows.ts'
import { closeAllContexts } from './helpers/closeContexts.ts'

let server: ServerProcess
test.beforeAll(async () => {
  server = await ServerProcess.start()
})
test.afterAll(async () => {
  await server.stop()
})
test.afterEach(async ({ browser }, testInfo) => {
  await closeAllContexts(browser, testInfo)
})

async function facilitatorLinkOf(facilitator: Page): Promise<string> {
  await facilitator.getByRole('button', { name: 'Show facilitator link (secret)' }).click()
  return facilitator.getByRole('textbox', { name: 'Facilitator link' }).inputValue()
}

test('a facilitator link cut short gives a clear message and a way on; one with a ")" from a chat just works (issue 15)', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const link = await facilitatorLinkOf(facilitator)
  const cut = link.slice(0, link.indexOf('#token=') + '#token='.length + 12)

  const page = await (await browser.newContext()).newPage()
  await page.goto(cut)
  await expect(page.getByRole('heading', { name: 'That link did not work' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('It may have been cut short')
  await expect(page.getByLabel('Your name')).toBeVisible()
  await expect(page.getByText('Rejoining the meeting…')).toHaveCount(0)
  await expectNoSeriousA11yViolations(page, 'join form after a broken facilitator link')
  // The plain join link in the same browser is not stuck either.
  await page.goto(joinUrl)
  await expect(page.getByLabel('Your name')).toBeVisible()
  // Pasting the whole link again makes this browser the facilitator.
  await page.goto(cut)
  await page.getByLabel('Facilitator link').fill(link)
  await page.getByRole('button', { name: 'Open this link' }).click()
  await expect(page.getByRole('button', { name: 'Advance to Submit' })).toBeVisible()

  const fromChat = await (await browser.newContext()).newPage()
  await fromChat.goto(`${link})`)
  await expect(fromChat.getByRole('button', { name: 'Advance to Submit' })).toBeVisible()
})

test('a participant who opens a wrong facilitator link stays herself (issue 15)', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const link = await facilitatorLinkOf(facilitator)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  await ada.goto(link.replace(/#token=.*/, '#token=not-a-real-token-at-all-0000'))
  await expect(ada.getByText('That facilitator link did not work')).toBeVisible()
  await expect(ada.getByText('Joined as Ada Lovelace')).toBeVisible()
  await expectNoSeriousA11yViolations(ada, 'room after a wrong facilitator link')
  await ada.goto(joinUrl)
  await expect(ada.getByText('Joined as Ada Lovelace')).toBeVisible()
})

test('long text gets a counter and is refused past the limit, never cut (issue 15)', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  const title =
    'Become the easiest shop software to start with for every small business in every country we sell in, by listening to owners first and shipping what they ask'
  expect(title.length).toBeGreaterThan(140)
  await ada.getByLabel('Objective', { exact: true }).fill(title)
  await expect(ada.getByLabel('Objective', { exact: true })).toHaveValue(title)
  await expect(ada.getByText(`${title.length}/140 — ${title.length - 140} characters too long: shorten it to send.`)).toBeVisible()
  await expect(ada.getByRole('button', { name: 'Propose objective' })).toBeDisabled()
  await expectNoSeriousA11yViolations(ada, 'submit form over the limit')
  await ada.getByLabel('Objective', { exact: true }).fill(title.slice(0, 120))
  await expect(ada.getByText('120/140')).toBeVisible()
  await ada.getByRole('button', { name: 'Propose objective' }).click()
  await expect(ada.getByRole('list', { name: 'Your proposals' })).toContainText(title.slice(0, 120))
})

test('the facilitator locks the meeting and removes people (issue 15)', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const bot = await joinAs(browser, joinUrl, 'Bot 1')
  await facilitator.getByLabel('Lock the meeting (nobody new can join)').check()
  const late = await (await browser.newContext()).newPage()
  await late.goto(joinUrl)
  await late.getByLabel('Your name').fill('Late Larry')
  await late.getByRole('button', { name: 'Join meeting' }).click()
  await expect(late.getByRole('alert')).toContainText('locked this meeting')

  await facilitator.getByLabel('Remove people named').fill('Bot')
  await facilitator.getByRole('button', { name: 'Remove Bot 1' }).click()
  await expect(bot.getByText('The facilitator removed you from this meeting.')).toBeVisible()
  await expect(bot.getByLabel('Your name')).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'facilitator with join controls')

  await facilitator.getByLabel('Lock the meeting (nobody new can join)').uncheck()
  await late.getByRole('button', { name: 'Join meeting' }).click()
  await expect(late.getByText('Joined as Late Larry')).toBeVisible()
})
