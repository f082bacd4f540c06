import { expect, test, type Browser, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { seedBoard } from './helpers/seedBoard.ts'
import { boardCard } from './helpers/boardPage.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

const PROPOSALS = [
  'Reduce customer churn in Europe',
  'Make checkout faster',
  'Speed up the checkout page',
  'Hire five senior engineers',
  'Cut cloud costs',
  'Reduce AWS spend',
  'Raise NPS above 50',
  'Reach SOC 2 compliance',
  'Automate refunds for small orders',
]

async function openPhone(browser: Browser, joinUrl: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(joinUrl)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Join meeting' }).click()
  await expect(page.getByRole('heading', { name: 'Group', level: 2 })).toBeVisible()
  return page
}

const unclustered = (page: Page) => page.getByRole('list', { name: 'Unclustered cards' })
const cluster = (page: Page, name: string) => page.getByRole('list', { name: `Cards in “${name}”` })

test('on a phone, grouping is pick-then-place: merge here, add to a cluster, a new cluster, take out — by touch and by keyboard', async ({ browser }) => {
  const seeded = await seedBoard(server.url, PROPOSALS, { names: ['Ada Lovelace', 'Alan Turing', 'Linus'] })
  await seeded.facilitator.send({ type: 'createCluster', cardId: seeded.cardId('Hire five senior engineers'), name: 'Engineering' })

  const desktop = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage()
  await desktop.goto(seeded.meeting.facilitatorUrl)
  await expect(cluster(desktop, 'Engineering')).toBeVisible()
  const phone = await openPhone(browser, seeded.meeting.joinUrl, 'Grace Hopper')

  // The page scrolls, not boxes inside it: the columns are stacked and the window is the list's scroller (a
  // scroll box in a scrolling page traps the thumb). The last cluster is reached by scrolling the page.
  await expect(phone.getByRole('list', { name: 'Unclustered cards' })).toBeVisible()
  expect(
    await phone.locator('.board-columns *').evaluateAll((nodes) => nodes.filter((n) => ['auto', 'scroll'].includes(getComputedStyle(n).overflowY)).length),
  ).toBe(0)
  await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(cluster(phone, 'Engineering')).toBeInViewport()

  // Step 1 is on every card: one "Pick" button, no drag handle or menu to find.
  await phone.evaluate(() => window.scrollTo(0, 0))
  await expect(phone.getByText('Tap Pick on a card.', { exact: false })).toBeVisible()
  await expect(phone.getByRole('button', { name: /^Move “/ })).toHaveCount(0)
  await expect(phone.getByRole('button', { name: /^Actions for “/ })).toHaveCount(0)
  await expectNoSeriousA11yViolations(phone, 'phone board, nothing picked')

  // Merge by touch: pick, then "Merge here" on the duplicate.
  const pickCheckout = phone.getByRole('button', { name: 'Pick “Make checkout faster” to group it' })
  await pickCheckout.tap()
  await expect(pickCheckout).toHaveAttribute('aria-pressed', 'true')
  const bar = phone.getByRole('region', { name: 'Picked: Make checkout faster' })
  await expect(bar).toBeVisible()
  await expect(bar.getByRole('heading')).toBeFocused()
  await expect(cluster(phone, 'Engineering')).toBeVisible()
  await expect(phone.getByRole('button', { name: 'Add “Make checkout faster” to “Engineering”' })).toBeVisible()
  await expectNoSeriousA11yViolations(phone, 'phone board, a card picked')
  await phone.getByRole('button', { name: 'Merge “Make checkout faster” into “Speed up the checkout page”' }).tap()
  const mergeDialog = phone.getByRole('dialog', { name: 'Merge two cards' })
  await expect(mergeDialog).toBeVisible()
  await expect(bar).toHaveCount(0)
  await mergeDialog.getByRole('button', { name: 'Merge', exact: true }).tap()
  await expect(mergeDialog).toHaveCount(0)
  for (const page of [phone, desktop]) await expect(unclustered(page).getByRole('article')).toHaveCount(7)
  // The merge dialog keeps the card it was dropped on by default; the picked card's text is kept under it.
  await expect(boardCard(desktop, 'Speed up the checkout page')).toContainText('Also said:Make checkout faster')

  // Add to a cluster by touch: "Add here" on the cluster.
  await phone.getByRole('button', { name: 'Pick “Cut cloud costs” to group it' }).tap()
  await phone.getByRole('button', { name: 'Add “Cut cloud costs” to “Engineering”' }).tap()
  await expect(boardCard(cluster(desktop, 'Engineering'), 'Cut cloud costs')).toBeVisible()
  await expect(boardCard(cluster(phone, 'Engineering'), 'Cut cloud costs')).toBeVisible()

  // Escape puts a picked card back, and the focus returns to its Pick button.
  const pickAws = phone.getByRole('button', { name: 'Pick “Reduce AWS spend” to group it' })
  await pickAws.focus()
  await phone.keyboard.press('Enter')
  await expect(phone.getByRole('region', { name: 'Picked: Reduce AWS spend' }).getByRole('heading')).toBeFocused()
  await phone.keyboard.press('Escape')
  await expect(phone.getByRole('region', { name: /^Picked:/ })).toHaveCount(0)
  await expect(pickAws).toBeFocused()
  await expect(pickAws).toHaveAttribute('aria-pressed', 'false')

  // Keyboard only: pick, Tab to "New cluster with it", Enter. The new cluster is named after the card.
  await phone.keyboard.press('Enter')
  const awsBar = phone.getByRole('region', { name: 'Picked: Reduce AWS spend' })
  await expect(awsBar.getByRole('heading')).toBeFocused()
  const newCluster = awsBar.getByRole('button', { name: 'New cluster with it' })
  for (let i = 0; i < 4 && !(await newCluster.evaluate((el) => el === document.activeElement)); i++) await phone.keyboard.press('Tab')
  await expect(newCluster).toBeFocused()
  await phone.keyboard.press('Enter')
  await expect(boardCard(cluster(desktop, 'Reduce AWS spend'), 'Reduce AWS spend')).toBeVisible()
  await expect(boardCard(cluster(phone, 'Reduce AWS spend'), 'Reduce AWS spend')).toBeVisible()

  // "Add to cluster…" from the bar opens the searchable picker (for boards too long to scroll).
  await phone.getByRole('button', { name: 'Pick “Raise NPS above 50” to group it' }).tap()
  await phone.getByRole('region', { name: 'Picked: Raise NPS above 50' }).getByRole('button', { name: 'Add to cluster…' }).tap()
  const picker = phone.getByRole('dialog')
  await expect(picker).toBeVisible()
  await expectNoSeriousA11yViolations(phone, 'phone cluster picker')
  await picker.getByRole('button', { name: /Engineering/ }).tap()
  await expect(boardCard(cluster(desktop, 'Engineering'), 'Raise NPS above 50')).toBeVisible()

  // A clustered card offers "Take out of cluster".
  await phone.getByRole('button', { name: 'Pick “Cut cloud costs” to group it' }).tap()
  await phone.getByRole('region', { name: 'Picked: Cut cloud costs' }).getByRole('button', { name: 'Take out of cluster' }).tap()
  await expect(boardCard(unclustered(desktop), 'Cut cloud costs')).toBeVisible()
  await expect(boardCard(unclustered(phone), 'Cut cloud costs')).toBeVisible()
  await expectNoSeriousA11yViolations(desktop, 'desktop board after the phone moves')
  seeded.close()
})

test('the facilitator’s board uses the screen: it starts in the top half at 1366×768 and the stage controls stay in view', async ({ browser }) => {
  const seeded = await seedBoard(server.url, PROPOSALS)
  await seeded.facilitator.send({ type: 'createCluster', cardId: seeded.cardId('Hire five senior engineers'), name: 'Engineering' })
  await seeded.facilitator.send({ type: 'suggestClusters' })
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    const page = await (await browser.newContext({ viewport })).newPage()
    await page.goto(seeded.meeting.facilitatorUrl)
    const firstCard = unclustered(page).getByRole('article').first()
    await expect(firstCard).toBeVisible()
    // The facilitator's tools sit beside the board, not above it.
    await expect(page.getByRole('complementary', { name: 'Facilitator tools' })).toBeVisible()
    const head = (await page.getByRole('heading', { name: 'Unclustered', level: 3 }).boundingBox())!
    expect(head.y, `board heading at ${viewport.width}×${viewport.height}`).toBeLessThan(viewport.height / 2)
    const card = (await firstCard.boundingBox())!
    expect(card.y + card.height).toBeLessThan(viewport.height)
    await expect(page.getByRole('button', { name: 'Advance to Vote' })).toBeInViewport()
    await expectNoSeriousA11yViolations(page, `facilitator board at ${viewport.width}×${viewport.height}`)
    // Scrolled to the end of the page, the next step is still on screen.
    await page.getByRole('heading', { name: 'People' }).scrollIntoViewIfNeeded()
    await expect(page.getByRole('button', { name: 'Advance to Vote' })).toBeInViewport()
  }
  seeded.close()
})
