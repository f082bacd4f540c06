import { expect, type Locator, type Page } from '@playwright/test'

/** What a person should see on the Group board: unclustered card titles and each cluster's card titles. */
export interface ExpectedBoard {
  unclustered: string[]
  clusters: Record<string, string[]>
}

export const boardCard = (scope: Page | Locator, title: string) => scope.getByRole('article', { name: title, exact: true })

/** Asserts the whole board, by role and name, waiting for the shared doc to arrive. */
export async function expectBoard(page: Page, expected: ExpectedBoard): Promise<void> {
  const unclustered = page.getByRole('list', { name: 'Unclustered cards' })
  if (expected.unclustered.length === 0) await expect(unclustered).toHaveCount(0)
  else await expect(unclustered.getByRole('article')).toHaveCount(expected.unclustered.length)
  for (const title of expected.unclustered) await expect(boardCard(unclustered, title)).toBeVisible()
  const names = Object.keys(expected.clusters)
  await expect(page.getByRole('list', { name: 'Clusters', exact: true }).getByRole('heading', { level: 4 })).toHaveText(names, { useInnerText: true })
  for (const [name, titles] of Object.entries(expected.clusters)) {
    const list = page.getByRole('list', { name: `Cards in “${name}”` })
    await expect(list.getByRole('article')).toHaveCount(titles.length)
    for (const title of titles) await expect(boardCard(list, title)).toBeVisible()
  }
}

/** dnd-kit's screen-reader announcements (an assertive status region). */
export const dragAnnouncer = (page: Page) => page.locator('[role="status"][aria-live="assertive"]')

/** Drags a card by its title text with the mouse, in small steps, onto `target`, and drops it there. */
export async function dragCardWithMouse(page: Page, sourceTitle: string, target: Locator, targetHint: Locator): Promise<void> {
  const from = await boardCard(page, sourceTitle).getByText(sourceTitle, { exact: true }).boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error('card not on screen')
  const start = { x: from.x + 8, y: from.y + from.height / 2 }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 4 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
  await expect(targetHint).toBeVisible()
  await page.mouse.up()
}

/**
 * A page's sockets to the server with a valve: while held, everything the server sends this page waits, in
 * order, until `release()`; what the page sends still goes out at once. Two people acting "at the same moment"
 * become reproducible: this page acts on a board that has already changed on the server. Call before `goto`.
 */
export async function holdableServerLink(page: Page): Promise<{ hold(): void; release(): void }> {
  const links: { send(message: string | Buffer): void; queue: (string | Buffer)[] }[] = []
  let isHeld = false
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer()
    const link = { send: (m: string | Buffer) => ws.send(m), queue: [] as (string | Buffer)[] }
    links.push(link)
    server.onMessage((message) => {
      if (isHeld) link.queue.push(message)
      else link.send(message)
    })
  })
  return {
    hold() {
      isHeld = true
    },
    release() {
      isHeld = false
      for (const link of links) for (const message of link.queue.splice(0)) link.send(message)
    },
  }
}
