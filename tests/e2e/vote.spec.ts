import { expect, test, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { createMeetingAsFacilitator, joinAs } from './helpers/meetingFlows.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

async function propose(page: Page, title: string) {
  await page.getByLabel('Objective', { exact: true }).fill(title)
  await page.getByRole('button', { name: 'Propose objective' }).click()
  await expect(page.getByRole('list', { name: 'Your proposals' })).toContainText(title)
}

const addDot = (page: Page, title: string) => page.getByRole('button', { name: `Add a dot to “${title}”` })

async function voteByMouse(page: Page, title: string, times: number) {
  for (let i = 0; i < times; i++) {
    const before = Number(await page.getByLabel(`dots on “${title}”`).textContent())
    await addDot(page, title).click()
    await expect(page.getByLabel(`dots on “${title}”`)).toHaveText(String(before + 1))
    await expect(page.getByRole('listitem').filter({ hasText: title }).getByText('Saved')).toBeVisible()
  }
}

async function voteByKeyboard(page: Page, title: string) {
  await addDot(page, title).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel(`1 dots on “${title}”`)).toBeVisible()
}

test('secret dot-voting with a live counter, a tie at the cut line settled by a run-off, winners carried into key results', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  const grace = await joinAs(browser, joinUrl, 'Grace Hopper', { isPhone: true })
  const linus = await joinAs(browser, joinUrl, 'Linus Torvalds')
  const everyone = [facilitator, ada, grace, linus]

  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await propose(ada, 'Win the SMB market in Germany')
  await propose(grace, 'Halve the onboarding time')
  await propose(linus, 'Reach 99.95% uptime')
  await propose(ada, 'Launch a partner marketplace')
  await facilitator.getByRole('button', { name: 'Advance to Group' }).click()
  await facilitator.getByRole('button', { name: 'Advance to Vote' }).click()

  await expect(facilitator.getByRole('heading', { name: 'Set up the vote on 4 candidates' })).toBeVisible()
  await expect(facilitator.getByText('Suggested: 3')).toBeVisible()
  await facilitator.getByRole('button', { name: 'Open voting' }).click()
  for (const page of everyone) await expect(page.getByText('0 of 3 have voted')).toBeVisible()

  await voteByMouse(ada, 'Win the SMB market in Germany', 3)
  await expect(ada.getByText('0 dots left of 3')).toBeVisible()
  await expect(addDot(ada, 'Halve the onboarding time')).toBeDisabled()
  for (const page of everyone) await expect(page.getByText('1 of 3 have voted')).toBeVisible()
  await voteByMouse(grace, 'Halve the onboarding time', 2)
  await voteByMouse(grace, 'Reach 99.95% uptime', 1)
  await voteByKeyboard(linus, 'Launch a partner marketplace')
  for (const page of everyone) await expect(page.getByText('3 of 3 have voted')).toBeVisible()
  // Secret until the reveal: no totals anywhere on a participant's page.
  await expect(grace.getByRole('list', { name: 'Ranked results' })).toHaveCount(0)
  await expectNoSeriousA11yViolations(grace, 'ballot on a phone')

  await facilitator.getByRole('button', { name: 'Close voting' }).click()
  await facilitator.getByRole('button', { name: 'Reveal results' }).click()
  for (const page of everyone) {
    const results = page.getByRole('list', { name: 'Ranked results' })
    await expect(results).toContainText('Win the SMB market in Germany')
    await expect(page.getByText(/Tie at the cut line/)).toBeVisible()
  }
  await facilitator.getByRole('button', { name: 'Start a run-off (1 dot each)' }).click()
  for (const page of [ada, grace, linus]) await expect(page.getByText('1 dot left of 1')).toBeVisible()
  await voteByMouse(ada, 'Reach 99.95% uptime', 1)
  await voteByMouse(grace, 'Reach 99.95% uptime', 1)
  await voteByKeyboard(linus, 'Launch a partner marketplace')
  await facilitator.getByRole('button', { name: 'Close voting' }).click()
  await facilitator.getByRole('button', { name: 'Reveal results' }).click()
  for (const page of everyone) await expect(page.getByText('The 3 objectives are decided and carried into Key results.')).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'revealed results')

  const screen = await facilitator.context().newPage()
  await screen.goto(`${joinUrl}/screen`)
  await expect(screen.getByRole('list', { name: 'Ranked results' })).toContainText('Reach 99.95% uptime')

  await facilitator.getByRole('button', { name: 'Advance to Key results' }).click()
  for (const page of everyone) {
    for (const title of ['Win the SMB market in Germany', 'Halve the onboarding time', 'Reach 99.95% uptime']) {
      await expect(page.getByRole('list', { name: `Key results for “${title}”` })).toBeAttached()
    }
    await expect(page.getByRole('list', { name: 'Key results for “Launch a partner marketplace”' })).toHaveCount(0)
  }
})
