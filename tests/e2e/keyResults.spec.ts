import { readFileSync } from 'node:fs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { joinAs } from './helpers/meetingFlows.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

/** A one-objective meeting taken through the stages by its people, up to Key results. */
async function meetingAtKeyResults(browser: Browser) {
  const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await facilitator.goto(server.url)
  await facilitator.getByLabel('Meeting title').fill('Acme 2027 Q1 OKRs')
  await facilitator.getByLabel('We', { exact: true }).fill('help small shops sell online')
  await facilitator.getByLabel('in', { exact: true }).fill('retail software')
  await facilitator.getByRole('radio', { name: /One objective/ }).check()
  await facilitator.getByRole('button', { name: 'Create meeting' }).click()
  const joinUrl = await facilitator.getByRole('textbox', { name: 'Join link' }).inputValue()
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  const grace = await joinAs(browser, joinUrl, 'Grace Hopper', { isPhone: true })
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await ada.getByLabel('Objective', { exact: true }).fill('Make trials convert')
  await ada.getByRole('button', { name: 'Propose objective' }).click()
  await expect(ada.getByRole('list', { name: 'Your proposals' })).toContainText('Make trials convert')
  await facilitator.getByRole('button', { name: 'Advance to Group' }).click()
  await facilitator.getByRole('button', { name: 'Advance to Vote' }).click()
  await facilitator.getByRole('button', { name: 'Open voting' }).click()
  await facilitator.getByRole('button', { name: 'Close voting' }).click()
  await facilitator.getByRole('button', { name: 'Reveal results' }).click()
  await facilitator.getByRole('button', { name: 'Advance to Key results' }).click()
  for (const page of [facilitator, ada, grace]) await expect(page.getByRole('list', { name: 'Key results for “Make trials convert”' })).toBeAttached()
  return { facilitator, ada, grace, joinUrl }
}

const statement = (page: Page) => page.getByRole('textbox', { name: /^Key result statement/ }).first()

test('two people co-edit a key result live, hints follow the text, confidence colours change, and the set is published', async ({ browser }) => {
  const { facilitator, ada, grace, joinUrl } = await meetingAtKeyResults(browser)
  await ada.getByLabel('New key result for “Make trials convert”').fill('Launch the pricing page')
  await ada.getByRole('button', { name: 'Propose' }).click()
  for (const page of [facilitator, ada]) await expect(statement(page)).toHaveValue('Launch the pricing page')
  // On a phone each key result is folded to its statement, confidence and owner; it opens to edit.
  const graceList = grace.getByRole('list', { name: 'Key results for “Make trials convert”' })
  await expect(graceList).toContainText('Launch the pricing page')
  await expect(graceList).toContainText('5/10 · uncertain')
  await expect(graceList).toContainText('No owner yet')
  await expect(graceList.getByRole('textbox')).toHaveCount(0)
  await expectNoSeriousA11yViolations(grace, 'a folded key result on a phone')
  await grace.getByRole('button', { name: 'Edit: Launch the pricing page' }).click()
  await expect(statement(grace)).toHaveValue('Launch the pricing page')
  // Hints in words, never a value-looking "4", "7" or "%".
  for (const [label, hint] of [
    ['Baseline', 'value today'],
    ['Target', 'value to reach'],
    ['Unit', 'e.g. percent, €'],
  ] as const)
    await expect(ada.getByLabel(label)).toHaveAttribute('placeholder', hint)
  await expect(ada.getByRole('list', { name: 'Suggestions for this key result' })).toContainText('This reads like a task')
  await expect(ada.getByRole('list', { name: 'Suggestions for this key result' })).toContainText('Add a number to reach')

  // Rewrite it together: Ada replaces the text, then both type at once at opposite ends.
  await statement(ada).fill('Trial-to-paid')
  await expect(statement(grace)).toHaveValue('Trial-to-paid')
  await expect(ada.getByText('This reads like a task')).toHaveCount(0)
  await statement(ada).click()
  await ada.keyboard.press('End')
  await statement(grace).click()
  await grace.keyboard.press('Home')
  await Promise.all([statement(ada).pressSequentially(' from 4 % to 7 %'), statement(grace).pressSequentially('Paid: ')])
  const merged = 'Paid: Trial-to-paid from 4 % to 7 %'
  for (const page of [facilitator, ada, grace]) await expect(statement(page)).toHaveValue(merged)
  await expect(ada.getByText(/Add a number to reach/)).toHaveCount(0)

  await ada.getByLabel('Baseline').fill('4')
  await ada.getByLabel('Target').fill('7')
  await ada.getByLabel('Unit').fill('%')
  await ada.getByLabel('Owner').fill('Ada Lovelace')
  await ada.getByLabel('Owner').blur()
  await expect(grace.getByLabel('Owner')).toHaveValue('Ada Lovelace')

  const slider = ada.getByRole('slider', { name: 'Confidence' })
  await expect(ada.getByText('5/10 · uncertain')).toBeVisible()
  await slider.focus()
  await ada.keyboard.press('ArrowLeft')
  await ada.keyboard.press('ArrowLeft')
  for (const page of [ada, grace]) await expect(page.getByText('3/10 · at risk')).toBeVisible()
  await ada.keyboard.press('ArrowRight')
  await expect(grace.getByText('4/10 · uncertain')).toBeVisible()
  await ada.keyboard.press('ArrowRight')
  await ada.keyboard.press('ArrowRight')
  await expect(grace.getByText('6/10 · uncertain')).toBeVisible()
  await ada.keyboard.press('ArrowRight')
  await expect(grace.getByText('7/10 · on track')).toBeVisible()
  await expectNoSeriousA11yViolations(grace, 'key results on a phone')
  await expectNoSeriousA11yViolations(facilitator, 'key results, facilitator')

  await facilitator.getByRole('button', { name: /^Accept:/ }).click()
  await expect(ada.getByText('Accepted', { exact: true })).toBeVisible()
  await facilitator.getByRole('button', { name: 'Advance to Review' }).click()
  const review = facilitator.getByRole('list', { name: 'Accepted key results for “Make trials convert”' })
  await expect(review).toContainText(merged)
  await expect(facilitator.getByText(/of at least 3 key results/)).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'review')
  await facilitator.getByRole('button', { name: 'Confirm and publish' }).click()
  for (const page of [facilitator, ada, grace]) await expect(page.getByRole('heading', { name: /Make trials convert/, level: 2 })).toBeVisible()

  const publicLink = await facilitator.getByRole('link', { name: /\/p\// }).getAttribute('href')
  const reader = await (await browser.newContext({ acceptDownloads: true })).newPage()
  await reader.goto(`${server.url}${publicLink}`)
  await expect(reader.getByRole('heading', { name: 'Acme 2027 Q1 OKRs', level: 1 })).toBeVisible()
  await expect(reader.getByText('We help small shops sell online in retail software.')).toBeVisible()
  await expect(reader.getByRole('list', { name: 'Key results for “Make trials convert”' })).toContainText(merged)
  await expectNoSeriousA11yViolations(reader, 'published page')
  // Issue 15: the join link after Published shows what was decided, not a greyed-out join form.
  const latecomer = await (await browser.newContext()).newPage()
  await latecomer.goto(joinUrl)
  await expect(latecomer.getByText('This meeting has finished and published its OKRs')).toBeVisible()
  await expect(latecomer.getByRole('list', { name: 'Key results for “Make trials convert”' })).toContainText(merged)
  await expect(latecomer.getByRole('button', { name: 'Join meeting' })).toHaveCount(0)
  await expectNoSeriousA11yViolations(latecomer, 'join link after Published')
  const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: 'Download CSV' }).click()])
  const csvBytes = readFileSync((await download.path()) as string)
  expect([...csvBytes.subarray(0, 3)], 'a UTF-8 byte-order mark so Excel reads accents and €').toEqual([0xef, 0xbb, 0xbf])
  const csv = csvBytes.subarray(3).toString('utf8')
  expect(csv.startsWith('quarter,')).toBe(true)
  const [markdown] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: 'Download Markdown' }).click()])
  const md = readFileSync((await markdown.path()) as string, 'utf8')
  expect(md, 'ordinary punctuation is not escaped').toContain(`| 1.1 | ${merged} |`)
  expect(md).toContain('**Deadline:** 2027-03-31')
  expect(csv).toContain(`2027 Q1,1,Make trials convert,,2027-03-31,1.1,${merged},,4,7,%,Ada Lovelace,7,green`)

  // Next quarter's meeting opens with this quarter's OKRs and their last confidence.
  await reader.getByRole('link', { name: 'Plan next quarter' }).click()
  await expect(reader.getByRole('note')).toContainText('follows up on an earlier one')
  await reader.getByLabel('Meeting title').fill('Acme 2027 Q2 OKRs')
  await reader.getByLabel('Quarter').fill('2027 Q2')
  await reader.getByLabel('We', { exact: true }).fill('help small shops sell online')
  await reader.getByLabel('in', { exact: true }).fill('retail software')
  await reader.getByRole('button', { name: 'Create meeting' }).click()
  await expect(reader.getByRole('heading', { name: 'Last quarter: 2027 Q1' })).toBeVisible()
  await expect(reader.getByRole('list', { name: 'Last quarter’s key results for “Make trials convert”' })).toContainText(`${merged} 7/10 · on track`)
})
