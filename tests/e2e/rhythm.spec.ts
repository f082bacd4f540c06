import { mkdirSync, readFileSync } from 'node:fs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { publishMeeting } from '../integration/helpers/publishedMeeting.ts'

const SCREENS = '/work/notes/screens/rhythm'
const KR1 = 'Trial-to-paid from 4 % to 7 %'
const KR2 = 'Churn below 2 % a month'

let server: ServerProcess
serverPerTest((s) => (server = s))

async function newPage(browser: Browser, isPhone = false): Promise<Page> {
  const context = await browser.newContext(
    isPhone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } },
  )
  return context.newPage()
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true })
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true })
}

const region = (page: Page, name: RegExp) => page.getByRole('region', { name })

test('a team fills its Monday four-square together, a confidence drops to red with a reason, Friday wins are posted, and the weekly report shows it all', async ({
  browser,
}) => {
  // Four browsers, seven accessibility scans and a chart page: long on a shared two-core machine.
  const published = await publishMeeting(server.url, `${server.url.replace(/^http/, 'ws')}/ws`, [
    { statement: KR1, confidence: 6 },
    { statement: KR2, confidence: 8 },
  ])

  // The facilitator creates the team space from the published OKRs and gets the editor link.
  const facilitator = await newPage(browser)
  await facilitator.goto(published.meeting.facilitatorUrl)
  const spaces = region(facilitator, /Team spaces/)
  await spaces.getByLabel('Team name').fill('Growth')
  await spaces.getByRole('button', { name: 'Create team space' }).click()
  const editorUrl = await spaces.getByRole('textbox', { name: 'Editor link for Growth' }).inputValue()
  const readUrl = await spaces.getByRole('textbox', { name: 'Read-only link for Growth' }).inputValue()
  expect(editorUrl).toMatch(/\/t\/[A-Za-z0-9_-]+\/edit#token=/)
  await expect(spaces.getByRole('link', { name: 'Open Growth' })).toBeVisible()
  await facilitator.goto(`${server.url}/p/${published.meeting.meetingId}`)
  await expect(region(facilitator, /Team spaces/).getByRole('link', { name: 'Open Growth' })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'published page with team spaces')

  // Two teammates open the editor link (desktop and phone); a colleague opens the read-only link.
  const lead = await newPage(browser)
  const mate = await newPage(browser, true)
  const viewer = await newPage(browser)
  for (const page of [lead, mate]) {
    await page.goto(editorUrl)
    await expect(page.getByText('You can edit')).toBeVisible()
    await expect(page).toHaveURL(/\/t\/[A-Za-z0-9_-]+$/)
  }
  await viewer.goto(readUrl)
  await expect(viewer.getByText('Read-only')).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Add priority' })).toHaveCount(0)

  // Quadrant 1: priorities, added from both browsers, seen live by everyone.
  const leadPriorities = region(lead, /This week’s priorities/)
  await leadPriorities.getByLabel('Priority', { exact: true }).fill('Ship the onboarding checklist')
  await leadPriorities.getByLabel('Owner', { exact: true }).fill('Ana')
  await leadPriorities.getByLabel('Key result', { exact: true }).selectOption({ label: KR1 })
  await leadPriorities.getByRole('button', { name: 'Add priority' }).click()
  const matePriorities = region(mate, /This week’s priorities/)
  await expect(matePriorities.getByLabel('Priority 1', { exact: true })).toHaveValue('Ship the onboarding checklist')
  await matePriorities.getByLabel('Priority', { exact: true }).fill('Call 20 trial users')
  await matePriorities.getByLabel('Rank', { exact: true }).selectOption('P2')
  await matePriorities.getByLabel('Owner', { exact: true }).fill('Ben')
  await matePriorities.getByRole('button', { name: 'Add priority' }).click()
  await expect(leadPriorities.getByLabel('Priority 2', { exact: true })).toHaveValue('Call 20 trial users')
  await expect(region(viewer, /This week’s priorities/)).toContainText('Call 20 trial users')

  // Quadrant 2: a plan that needs others.
  const plans = region(lead, /Next four weeks/)
  await plans.getByLabel('Plan', { exact: true }).fill('Pricing test with Sales')
  await plans.getByLabel('Needs help from').fill('Sales team')
  await plans.getByRole('button', { name: 'Add plan' }).click()
  await expect(region(mate, /Next four weeks/)).toContainText('Pricing test with Sales')

  // Quadrant 3: the first key result drops from 6 to 3; the page asks why before sending.
  const status = region(lead, /OKR status/)
  // Not checked in yet: said in words, the box empty (last week's value is a hint, not a value that looks saved).
  await expect(status.getByText('Not checked in this week')).toHaveCount(2)
  await expect(status.getByLabel(`Confidence for ${KR2}`)).toHaveValue('')
  await status.getByLabel(`Confidence for ${KR1}`).fill('3')
  await status.getByRole('button', { name: `Save confidence for ${KR1}` }).click()
  await expect(status.getByRole('alert')).toContainText('went down from 6 to 3: say why in one line')
  await status.getByLabel(`Why it moved (${KR1})`).fill('Payment provider delayed the trial flow')
  await status.getByRole('button', { name: `Save confidence for ${KR1}` }).click()
  await status.getByRole('button', { name: `Confirm 8/10 (unchanged) for ${KR2}` }).click()
  await expect(status.getByText('Not checked in this week')).toHaveCount(0)
  const mateStatus = region(mate, /OKR status/)
  await expect(mateStatus).toContainText('down (published: 6)')
  await expect(mateStatus).toContainText('“Payment provider delayed the trial flow”')
  await expect(mateStatus.locator('.status-now .band-red')).toHaveText('3/10 · at risk')
  await expect(region(viewer, /OKR status/).locator('.status-now .band-green')).toHaveText('8/10 · on track')

  // Quadrant 4: two health indicators, one from each browser.
  const mateHealth = region(mate, /^Health$/)
  await mateHealth
    .getByRole('group', { name: /Health indicator 1/ })
    .getByLabel('Name')
    .fill('Team morale')
  await mateHealth.getByRole('button', { name: 'Save indicator 1' }).click()
  const leadIndicator2 = region(lead, /^Health$/).getByRole('group', { name: /Health indicator 2/ })
  await expect(leadIndicator2.getByLabel('Name')).toBeEnabled()
  await leadIndicator2.getByLabel('Name').fill('Customer escalations')
  await leadIndicator2.getByRole('radio', { name: 'Red' }).check()
  await leadIndicator2.getByRole('button', { name: 'Save indicator 2' }).click()
  await expect(region(viewer, /^Health$/)).toContainText('Customer escalations')
  await expect(region(viewer, /^Health$/)).toContainText('Team morale')

  // The facilitator timer: ¼ status, ¾ plan, shared by everyone.
  await lead.getByRole('button', { name: 'Start the Monday timer' }).click()
  await expect(mate.getByText(/Status \(¼\)/)).toBeVisible()
  await expect(viewer.getByText(/Status \(¼\)/)).toBeVisible()

  await expectNoSeriousA11yViolations(lead, 'four-square, desktop')
  await expectNoSeriousA11yViolations(mate, 'four-square, phone')
  await shoot(lead, 'four-square-desktop')
  await shoot(mate, 'four-square-phone')

  // Friday: a win on the wall, a colleague celebrates it, the priorities are marked.
  const friday = region(lead, /Friday wins and review/)
  await friday.getByLabel('A win this week').fill('First 10 shops onboarded')
  await friday.getByLabel('By (optional)').fill('Ana')
  await friday.getByRole('button', { name: 'Post win' }).click()
  const viewerWall = region(viewer, /Friday wins and review/)
  await viewerWall.getByRole('button', { name: 'Celebrate: 0' }).click()
  await expect(viewerWall.getByRole('button', { name: 'Celebrate: 1' })).toHaveAttribute('aria-pressed', 'true')
  await expect(friday.getByRole('button', { name: 'Celebrate: 1' })).toHaveAttribute('aria-pressed', 'false')
  const first = friday.getByRole('group', { name: /Ship the onboarding checklist/ })
  await first.getByRole('radio', { name: 'Done', exact: true }).check()
  await first.getByRole('button', { name: /Save/ }).click()
  const second = region(mate, /Friday wins and review/).getByRole('group', { name: /Call 20 trial users/ })
  await second.getByRole('radio', { name: 'Not done' }).check()
  await second.getByRole('button', { name: /Save/ }).click()
  await expect(second.getByRole('alert')).toContainText('say why')
  await second.getByLabel('Why (needed when not done)').fill('Half the list had no phone number')
  await second.getByRole('button', { name: /Save/ }).click()
  await friday.getByLabel('Risks and blockers (one per line)').fill('Payment provider contract renewal')
  await friday.getByRole('button', { name: 'Save report notes' }).click()
  await expect(friday.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect(region(viewer, /Friday wins and review/)).toContainText('Half the list had no phone number')

  // Everyone sees the read-only week, and the company's wall of wins on the published OKRs.
  await expectNoSeriousA11yViolations(viewer, 'team space, read-only')
  await shoot(viewer, 'week-read-only-desktop')
  await facilitator.reload()
  const wall = facilitator.getByRole('region', { name: /Wins, week of 4 Jan/ })
  await expect(wall).toContainText('First 10 shops onboarded')
  await expect(wall.getByText('Celebrate: 1')).toBeAttached()
  await expect(wall.getByRole('link', { name: /React in Growth/ })).toHaveAttribute('href', /\/t\/[A-Za-z0-9_-]+\/week\/2027-01-04$/)
  await expectNoSeriousA11yViolations(facilitator, 'published page with the wall of wins')
  await shoot(facilitator, 'published-team-spaces')

  // The weekly report shows all of it, downloads as Markdown and prints.
  await lead.getByRole('link', { name: 'Open the weekly report' }).click()
  const report = lead.getByRole('article')
  await expect(report.getByRole('heading', { name: /Weekly report: Growth/ })).toBeVisible()
  const krRow = report.getByRole('row', { name: new RegExp(KR1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
  await expect(krRow).toContainText('3/10 · at risk')
  await expect(krRow).toContainText('down')
  await expect(krRow).toContainText('Payment provider delayed the trial flow')
  await expect(report).toContainText('Done P1 Ship the onboarding checklist')
  await expect(report).toContainText('Not done P2 Call 20 trial users (Ben): Half the list had no phone number')
  await expect(report).toContainText('First 10 shops onboarded')
  await expect(report).toContainText('Payment provider contract renewal')
  await expect(report).toContainText('Customer escalations is red')
  const download = lead.waitForEvent('download')
  await lead.getByRole('link', { name: 'Download Markdown' }).click()
  const markdown = readFileSync((await (await download).path()) as string, 'utf8')
  expect(markdown).toContain('3/10 (red, at risk) | ↓ | Payment provider delayed the trial flow')
  expect(markdown).toContain('- First 10 shops onboarded (Ana)')
  await expectNoSeriousA11yViolations(lead, 'weekly report')
  await shoot(lead, 'weekly-report')
  await lead.emulateMedia({ media: 'print' })
  await expect(lead.getByRole('link', { name: 'Download Markdown' })).toBeHidden()
  await lead.emulateMedia({ media: 'screen' })

  // The trend chart: one chart per key result, with a text alternative and a data table.
  await lead.getByRole('link', { name: 'Confidence trends' }).click()
  await expect(
    lead.getByRole('img', { name: new RegExp(`Confidence trend for “${KR1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”: 2 check-ins; latest 3 of 10 \\(red`) }),
  ).toBeVisible()
  await expect(lead.getByRole('img', { name: /Churn below 2 % a month.*latest 8 of 10 \(green/ }).last()).toBeVisible()
  // The objective's view: all its key results on one chart, too.
  await expect(
    lead.getByRole('img', { name: /^Confidence trends of every key result of “Make trials convert”: Trial-to-paid.*latest 3 of 10.*Churn.*latest 8 of 10/ }),
  ).toBeVisible()
  await expectNoSeriousA11yViolations(lead, 'confidence trends')
  await shoot(lead, 'trends-desktop')
  await mate.goto(lead.url())
  await expect(mate.getByRole('img', { name: /Confidence trend for “Churn below/ })).toBeVisible()
  await expectNoSeriousA11yViolations(mate, 'confidence trends, phone')
  await shoot(mate, 'trends-phone')
})
