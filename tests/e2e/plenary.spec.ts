import { expect, test } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { publishedMeeting } from './helpers/publishedMeeting.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

/** Whether the page's content fits the window without scrolling (a projector has no scroll bar to reach for). */
const fitsWindow = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const slide = document.querySelector('.plenary-slide')!
    return document.documentElement.scrollHeight <= window.innerHeight && slide.scrollHeight <= slide.clientHeight + 1
  })

test('the plenary presents last quarter’s results first, then one objective per screen, by keyboard, fitting a projector', async ({ browser }) => {
  const last = await publishedMeeting(server.url, {
    title: 'Acme 2027 Q1 OKRs',
    quarter: '2027 Q1',
    objectives: [{ title: 'Make trials convert', keyResults: [{ statement: 'Trial-to-paid from 4 % to 7 %', owner: 'Ada Lovelace', confidence: 8 }] }],
  })
  const now = await publishedMeeting(server.url, {
    title: 'Acme 2027 Q2 OKRs',
    quarter: '2027 Q2',
    previousMeetingId: last.meetingId,
    objectives: [
      {
        title: 'Win the SMB market in Germany',
        keyResults: [
          { statement: 'Sign 40 German shops a month by June', owner: 'Grace Hopper', confidence: 5 },
          { statement: 'Churn of German shops below 2 % a month', owner: 'Linus Torvalds', confidence: 3 },
          { statement: 'Reviews of 4.5 stars or more on the German store', owner: 'Ada Lovelace', confidence: 7 },
        ],
      },
      { title: 'Halve the onboarding time', keyResults: [{ statement: 'Time to first sale from 6 days to 3', owner: 'Ada Lovelace', confidence: 6 }] },
      { title: 'Reach 99.95% uptime', keyResults: [{ statement: 'Uptime from 99.8 % to 99.95 %', owner: 'Alan Turing', confidence: 4 }] },
    ],
  })

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/p/${now.meetingId}`)
  await page.getByRole('link', { name: 'Present at the all-hands' }).click()
  await expect(page.getByRole('heading', { name: 'Acme 2027 Q2 OKRs', level: 1 })).toBeVisible()
  await expect(page.getByText('Slide 1 of 5')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'plenary title slide')

  // Last quarter's results come first.
  await page.keyboard.press('ArrowRight')
  await expect(page.getByText('Last quarter, 2027 Q1 · objective 1 of 1')).toBeVisible()
  const previous = page.getByRole('table', { name: 'Last quarter’s results for “Make trials convert”' })
  await expect(previous).toContainText('Trial-to-paid from 4 % to 7 %')
  await expect(previous).toContainText('8/10 · on track')
  await expectNoSeriousA11yViolations(page, 'plenary, last quarter')

  // Then one objective per screen, with its key results, owners and confidence; a clicker's Page Down works too.
  await page.keyboard.press('PageDown')
  await expect(page.getByText('Objective 1 of 3')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Win the SMB market in Germany', level: 1 })).toBeVisible()
  const krs = page.getByRole('table', { name: 'Key results for “Win the SMB market in Germany”' })
  await expect(krs.getByRole('row')).toHaveCount(4)
  await expect(krs.getByRole('row').nth(2)).toContainText('Churn of German shops below 2 % a month')
  await expect(krs.getByRole('row').nth(2)).toContainText('Linus Torvalds')
  await expect(krs.getByRole('row').nth(2)).toContainText('3/10 · at risk')
  await expect(page.getByRole('heading', { name: 'Halve the onboarding time' })).toHaveCount(0)
  expect(await fitsWindow(page), 'the objective fits 1366×768 without scrolling').toBe(true)
  await expectNoSeriousA11yViolations(page, 'plenary, an objective')

  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('heading', { name: 'Halve the onboarding time', level: 1 })).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('heading', { name: 'Win the SMB market in Germany', level: 1 })).toBeVisible()
  await page.keyboard.press('End')
  await expect(page.getByText('Slide 5 of 5')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled()

  // A projector at 1920×1080 and a reload keep the place.
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Reach 99.95% uptime', level: 1 })).toBeVisible()
  expect(await fitsWindow(page), 'the objective fits 1920×1080').toBe(true)
  await page.getByRole('button', { name: 'Previous' }).click()
  await expect(page.getByText('Slide 4 of 5')).toBeVisible()
  await page.keyboard.press('Home')
  await expect(page.getByText('Slide 1 of 5')).toBeVisible()
})
