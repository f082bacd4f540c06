import { expect, type Browser, type Page } from '@playwright/test'

export interface CreatedMeeting {
  facilitator: Page
  joinUrl: string
}

/** The facilitator creates a meeting through the real form and lands on the facilitator view. */
export async function createMeetingAsFacilitator(browser: Browser, baseUrl: string, title = 'Acme 2027 Q1 OKRs'): Promise<CreatedMeeting> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(baseUrl)
  await page.getByLabel('Meeting title').fill(title)
  await page.getByLabel('Quarter').fill('2027 Q1')
  await page.getByLabel('We', { exact: true }).fill('help small shops sell online')
  await page.getByLabel('in', { exact: true }).fill('retail software')
  await page.getByLabel('How it improves lives (optional)').fill('so local businesses thrive')
  await expect(page.getByText('We help small shops sell online in retail software so local businesses thrive.')).toBeVisible()
  await page.getByRole('button', { name: 'Create meeting' }).click()
  await expect(page.getByRole('button', { name: 'Advance to Submit' })).toBeVisible()
  const joinUrl = await page.getByRole('textbox', { name: 'Join link' }).inputValue()
  return { facilitator: page, joinUrl }
}

export async function joinAs(browser: Browser, joinUrl: string, name: string, options: { isPhone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(
    options.isPhone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } },
  )
  const page = await context.newPage()
  await page.goto(joinUrl)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Join meeting' }).click()
  await expect(page.getByText(`Joined as ${name}`)).toBeVisible()
  return page
}

export function peopleList(page: Page) {
  return page.getByRole('list', { name: 'People in the meeting' })
}

export function currentStageHeading(page: Page) {
  return page.getByRole('heading', { level: 2 }).first()
}
