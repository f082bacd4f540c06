import { expect, test } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { seedBoard } from './helpers/seedBoard.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

const PROPOSALS = [
  'Close our Series A round',
  'Raise our Series A',
  'Become #1 coffee retailer in Lyon',
  'Win the coffee retail market in Lyon',
  'Hire a head of design',
  'Hire two product designers',
  'Cut cloud costs',
  'Reduce AWS spend',
  'Make support answer within one hour',
  'Faster answers from customer support',
  'Open a bakery in Lyon',
]

test('Suggest clusters says what it checked, shows the pairs that fell short, and the facilitator lowers the threshold live', async ({ browser }) => {
  const seeded = await seedBoard(server.url, PROPOSALS)
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await page.goto(seeded.meeting.facilitatorUrl)
  await expect(page.getByRole('heading', { name: 'Group', level: 2 })).toBeVisible()
  const panel = page.getByRole('region', { name: 'Suggestions' })

  // A stricter threshold first: the support pair (words apart, meaning alike: the word vectors lift it
  // to about 59%) then falls short.
  const threshold = panel.getByLabel(/How alike cards must be/)
  await threshold.fill('70')
  await expect(panel.getByText('How alike cards must be: 70%')).toBeVisible()
  await panel.getByRole('button', { name: 'Suggest clusters' }).click()
  await expect(panel.getByText('Checked 11 cards: 4 suggestions. 1 pair was close but below the 70% threshold.')).toBeVisible()
  await expect(panel.getByText('Matched by words (no meaning model is configured).')).toBeVisible()
  const suggestions = panel.getByRole('list', { name: 'Suggestions to review' })
  await expect(suggestions).toContainText(/Merge as “(Close our Series A round|Raise our Series A)”/)
  await expect(suggestions).toContainText(/Cluster as “(Become #1 coffee retailer in Lyon|Win the coffee retail market in Lyon)”/)
  await expect(suggestions).not.toContainText('Open a bakery in Lyon')

  await panel.getByRole('button', { name: 'Show them' }).click()
  const close = panel.getByRole('list', { name: 'Close pairs below the threshold' })
  // Cards are seeded by several people at once, so either title may come first.
  await expect(close.getByRole('listitem')).toHaveCount(1)
  await expect(close).toContainText('“Make support answer within one hour”')
  await expect(close).toContainText('“Faster answers from customer support”')
  await expectNoSeriousA11yViolations(page, 'group board with the suggestion report and close pairs shown')

  const lower = panel.getByRole('button', { name: /^Lower the threshold to \d+% and suggest again$/ })
  const label = (await lower.textContent()) ?? ''
  const percent = /to (\d+)%/.exec(label)?.[1]
  await lower.click()
  await expect(panel.getByText(`How alike cards must be: ${percent}%`)).toBeVisible()
  // The bakery in Lyon is now reported as close to the coffee cards, and still not suggested.
  await expect(panel.getByText(`Checked 11 cards: 5 suggestions. 2 pairs were close but below the ${percent}% threshold.`)).toBeVisible()
  await expect(suggestions).toContainText(/Cluster as “(Make support answer within one hour|Faster answers from customer support)”/)
  await expect(suggestions).not.toContainText('Open a bakery in Lyon')
  await expectNoSeriousA11yViolations(page, 'group board after lowering the threshold')
})
