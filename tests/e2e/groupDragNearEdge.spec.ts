import { expect, test, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { seedBoard } from './helpers/seedBoard.ts'
import { boardCard } from './helpers/boardPage.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

const TITLES = [
  'Reduce customer churn in Europe',
  'Make checkout faster',
  'Hire five senior engineers',
  'Double the number of paying customers',
  'Cut cloud costs',
  'Launch the mobile app in Brazil',
  'Raise NPS above 50',
  'Reach SOC 2 compliance',
  'Automate refunds for small orders',
  'Halve the number of production incidents',
  'Publish a public product roadmap',
  'Open a partner program for agencies',
]

/** The title of the board card whose box contains the point, read from the page itself (what the eye sees there). */
async function cardTitleAt(page: Page, point: { x: number; y: number }): Promise<string | null> {
  return page.evaluate(({ x, y }) => {
    for (const el of document.elementsFromPoint(x, y)) {
      const card = el.closest('article.board-card:not(.is-preview)')
      if (card) return card.querySelector('.card-title')?.textContent ?? null
    }
    return null
  }, point)
}

test('a card held near the bottom edge of the window merges into the card under the pointer, not a neighbour', async ({ browser }) => {
  const seeded = await seedBoard(server.url, TITLES, { perPerson: 4 })
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(seeded.meeting.facilitatorUrl)
  const unclustered = page.getByRole('list', { name: 'Unclustered cards' })
  await expect(unclustered.getByRole('article')).toHaveCount(TITLES.length)
  await expectNoSeriousA11yViolations(page, 'group board at 1280×800')

  // Scroll the window so the Unclustered column runs 60 px past the bottom edge; then pick the card lowest in the window.
  await page.evaluate(() => {
    const column = document.querySelector('.column-scroll')!.getBoundingClientRect()
    window.scrollBy(0, column.bottom - (window.innerHeight + 60))
  })
  const cards = unclustered.getByRole('article')
  const boxes = await Promise.all(
    (await cards.all()).map(async (c) => ({ box: await c.boundingBox(), title: (await c.locator('.card-title').textContent()) ?? '' })),
  )
  const visible = boxes.filter((b) => b.box && b.box.y > 0 && b.box.y + b.box.height < 800).sort((a, b) => a.box!.y - b.box!.y)
  expect(visible.length, 'at least two whole cards on screen').toBeGreaterThanOrEqual(2)
  const target = visible[visible.length - 1]!
  const source = visible[visible.length - 2]!
  const from = { x: source.box!.x + 60, y: source.box!.y + 18 }
  // Low in the window: the target's lower part, within dnd-kit's auto-scroll band at the bottom edge.
  const to = { x: target.box!.x + target.box!.width / 2, y: Math.min(target.box!.y + target.box!.height - 8, 790) }
  expect(to.y, 'the drop point is within the bottom fifth of the window').toBeGreaterThan(800 * 0.8)

  const scrollBefore = await page.evaluate(() => window.scrollY)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 10 })
  // Hold still, then wiggle by a pixel, as a hand does: whatever scrolls meanwhile, the hint must follow the pointer.
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(to.x + (i % 2), to.y)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  }
  const under = await cardTitleAt(page, to)
  expect(under, 'a card is under the pointer').not.toBeNull()
  const hinted = page.locator('article.board-card.is-over')
  await expect(hinted).toHaveCount(1)
  await expect(hinted.locator('.card-title')).toHaveText(under!)
  await expect(hinted.getByText('Drop to merge')).toBeVisible()
  const scrolled = (await page.evaluate(() => window.scrollY)) - scrollBefore
  await page.mouse.up()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(under!)
  await expect(dialog).toContainText(source.title)
  await expectNoSeriousA11yViolations(page, 'merge dialog after a drop near the edge')
  console.log(`held near the bottom edge: window scrolled ${scrolled} px; dropped on “${under}” (pointer target “${target.title}”)`)
  expect(Math.abs(scrolled), 'the window does not scroll under a held card').toBe(0)
  expect(under).toBe(target.title)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(boardCard(page, source.title)).toBeVisible()
  seeded.close()
})
