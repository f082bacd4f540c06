import { expect, test, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { createMeetingAsFacilitator, joinAs } from './helpers/meetingFlows.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'Connection lost' })

test('a proposal made offline is sent once when the connection is back', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await expect(ada.getByRole('heading', { name: 'Submit', level: 2 })).toBeVisible()

  await ada.context().setOffline(true)
  await expect(banner(ada)).toBeVisible()
  await ada.getByLabel('Objective', { exact: true }).fill('Make trials convert')
  await ada.getByRole('button', { name: 'Propose objective' }).click()
  await expect(ada.getByText('Offline: it will be sent when the connection is back.')).toBeVisible()
  await expect(ada.getByText('1 change is waiting to be saved.', { exact: false })).toBeVisible()

  await ada.context().setOffline(false)
  await expect(banner(ada)).toBeHidden()
  await expect(ada.getByRole('list', { name: 'Your proposals' })).toContainText('Make trials convert')
  await expect(facilitator.getByText('1 objective proposed so far')).toBeVisible()
  await expect(facilitator.getByRole('list', { name: 'All proposals' }).getByRole('listitem')).toHaveCount(1)
})

test('a voter who drops offline mid-vote sees disabled controls and a banner, then carries on where they were', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  const grace = await joinAs(browser, joinUrl, 'Grace Hopper', { isPhone: true })
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  for (const title of ['Make trials convert', 'Halve onboarding time']) {
    await ada.getByLabel('Objective', { exact: true }).fill(title)
    await ada.getByRole('button', { name: 'Propose objective' }).click()
    await expect(ada.getByRole('list', { name: 'Your proposals' })).toContainText(title)
  }
  await facilitator.getByRole('button', { name: 'Advance to Group' }).click()
  await facilitator.getByRole('button', { name: 'Advance to Vote' }).click()
  await facilitator.getByRole('button', { name: 'Open voting' }).click()

  const add = grace.getByRole('button', { name: 'Add a dot to “Make trials convert”' })
  await add.click()
  await expect(grace.getByLabel('dots on “Make trials convert”')).toHaveText('1')
  await grace.context().setOffline(true)
  await expect(banner(grace)).toBeVisible()
  await expect(add).toBeDisabled()
  await grace.context().setOffline(false)
  await expect(banner(grace)).toBeHidden()
  await expect(grace.getByLabel('dots on “Make trials convert”')).toHaveText('1')
  await add.click()
  await expect(grace.getByLabel('dots on “Make trials convert”')).toHaveText('2')
  await expect(facilitator.getByText('1 of 2 have voted')).toBeVisible()
})
