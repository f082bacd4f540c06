import { expect, test, type Browser, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { seedBoard, waitForClient } from './helpers/seedBoard.ts'
import { createMeetingAsFacilitator, joinAs } from './helpers/meetingFlows.ts'
import { boardCard, dragAnnouncer, dragCardWithMouse, expectBoard, holdableServerLink } from './helpers/boardPage.ts'

let server: ServerProcess
const servers = serverPerTest((s) => (server = s))

const THIRTY_PROPOSALS = [
  'Reduce customer churn in Europe',
  'Lower churn of European customers',
  'Make checkout faster',
  'Speed up the checkout page',
  'Hire five senior engineers',
  'Improve onboarding for new engineers',
  'Double the number of paying customers',
  'Double paying customers',
  'Cut cloud costs',
  'Reduce AWS spend',
  'Launch the mobile app in Brazil',
  'Ship the new mobile app',
  'Release the mobile app on Android',
  'Win the SMB market in Germany',
  'Grow revenue in Europe',
  'Increase European sales',
  'Raise NPS above 50',
  'Make support answer within one hour',
  'Publish a public product roadmap',
  'Run a customer advisory board every quarter',
  'Cut time to first sale for new shops to one day',
  'Make the shop editor work offline',
  'Open a partner program for agencies',
  'Rebuild the analytics dashboard',
  'Reach SOC 2 compliance',
  'Move billing to usage-based pricing',
  'Translate the app into Spanish and Portuguese',
  'Halve the number of production incidents',
  'Automate refunds for small orders',
  'Give every team a weekly demo slot',
]

async function openAsFacilitator(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await page.goto(url)
  await expect(page.getByRole('heading', { name: 'Group', level: 2 })).toBeVisible()
  return page
}

test('the board with clusters and a pending suggestion has no serious accessibility violations, on desktop and phone', async ({ browser }, testInfo) => {
  const seeded = await seedBoard(server.url, THIRTY_PROPOSALS, {
    names: [
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
      'Katherine Johnson',
      'Linus',
      'Margaret Hamilton',
      'Edsger',
      'Barbara Liskov',
      'Donald',
      'Frances Allen',
    ],
  })
  const f = seeded.facilitator
  const { clusterId: talent } = await f.send({ type: 'createCluster', cardId: seeded.cardId('Hire five senior engineers'), name: 'Engineering talent' })
  await f.send({ type: 'moveCard', cardId: seeded.cardId('Improve onboarding for new engineers'), clusterId: talent })
  const { clusterId: support } = await f.send({ type: 'createCluster', cardId: seeded.cardId('Make support answer within one hour'), name: 'Customer support' })
  await f.send({ type: 'moveCard', cardId: seeded.cardId('Raise NPS above 50'), clusterId: support })
  await f.send({ type: 'moveCard', cardId: seeded.cardId('Automate refunds for small orders'), clusterId: support })
  await f.send({
    type: 'mergeCards',
    sourceId: seeded.cardId('Increase European sales'),
    targetId: seeded.cardId('Grow revenue in Europe'),
    title: 'Grow revenue in Europe',
  })
  await f.send({ type: 'suggestClusters' })

  const desktop = await openAsFacilitator(browser, seeded.meeting.facilitatorUrl)
  await expect(desktop.getByRole('list', { name: 'Suggestions to review' })).toBeVisible()
  await expect(desktop.getByRole('list', { name: 'Cards in “Customer support”' }).getByRole('article')).toHaveCount(3)
  await expectNoSeriousA11yViolations(desktop, 'group board, facilitator on desktop')
  await desktop.screenshot({ path: testInfo.outputPath('group-board-desktop.png'), fullPage: true })
  // Mid-drag: the held card follows the pointer and the card under it offers a merge; Escape puts it back.
  const unclustered = desktop.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')
  const target = unclustered.nth(0)
  await unclustered.nth(2).scrollIntoViewIfNeeded()
  const from = (await unclustered.nth(2).boundingBox())!
  const to = (await target.boundingBox())!
  await desktop.mouse.move(from.x + 60, from.y + 18)
  await desktop.mouse.down()
  await desktop.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
  await expect(target.getByText('Drop to merge')).toBeVisible()
  await desktop.screenshot({ path: testInfo.outputPath('group-board-desktop-dragging.png') })
  await desktop.keyboard.press('Escape')
  await desktop.mouse.up()
  await expect(target.getByText('Drop to merge')).toHaveCount(0)
  await expect(desktop.getByRole('dialog')).toHaveCount(0)

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const phone = await phoneContext.newPage()
  await phone.goto(seeded.meeting.joinUrl)
  await phone.getByLabel('Your name').fill('Grace Phone')
  await phone.getByRole('button', { name: 'Join meeting' }).click()
  await expect(phone.getByRole('list', { name: 'Cards in “Engineering talent”' })).toBeVisible()
  await expectNoSeriousA11yViolations(phone, 'group board on a phone')
  await phone.screenshot({ path: testInfo.outputPath('group-board-phone.png'), fullPage: true })
  await phone.getByLabel('Search the board').fill('checkout')
  await expect(phone.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(2)
  // A phone picks a card, then says where it goes (tests/e2e/groupPhone.spec.ts drives every move).
  await phone.getByRole('button', { name: 'Pick “Make checkout faster” to group it' }).click()
  const picked = phone.getByRole('region', { name: 'Picked: Make checkout faster' })
  await expect(picked).toBeVisible()
  await expectNoSeriousA11yViolations(phone, 'a picked card on a phone')
  await phone.screenshot({ path: testInfo.outputPath('group-board-phone-picked.png') })
  await picked.getByRole('button', { name: 'Merge into…' }).click()
  await expect(phone.getByRole('dialog', { name: 'Merge “Make checkout faster” into…' })).toBeVisible()
  await phone.screenshot({ path: testInfo.outputPath('group-board-phone-pick.png') })
  seeded.close()
})

async function propose(page: Page, title: string) {
  await page.getByLabel('Objective', { exact: true }).fill(title)
  await page.getByRole('button', { name: 'Propose objective' }).click()
  await expect(page.getByRole('list', { name: 'Your proposals' })).toContainText(title)
}

/**
 * With a card held by the keyboard, presses arrow keys until dnd-kit announces `goal`; each press waits for
 * the announcement to change, and the next key depends on where the card is now (no timing guesses).
 */
async function steerHeldCard(page: Page, goal: string, nextKey: (announcement: string) => string, maxPresses = 8): Promise<void> {
  const announcer = dragAnnouncer(page)
  for (let i = 0; i < maxPresses; i++) {
    const before = (await announcer.textContent()) ?? ''
    if (before.includes(goal)) return
    // dnd-kit starts listening for keys a task after the pick-up; on a busy machine a first press can come
    // before that, and is then pressed again (a handled press always changes the announcement).
    await expect(async () => {
      await page.keyboard.press(nextKey(before))
      await expect(announcer).not.toHaveText(before, { timeout: 3000 })
    }).toPass({ timeout: 15_000 })
  }
  await expect(announcer).toContainText(goal)
}

test('the room merges duplicates by mouse, clusters by keyboard, accepts a suggested cluster, and everyone sees one board', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)
  const ada = await joinAs(browser, joinUrl, 'Ada Lovelace')
  const grace = await joinAs(browser, joinUrl, 'Grace Hopper')
  const alan = await joinAs(browser, joinUrl, 'Alan Turing', { isPhone: true })
  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()

  await propose(ada, 'Reduce customer churn in Europe')
  // Grace is shown the duplicate and proposes hers anyway: merging duplicates is the board's job.
  await grace.getByLabel('Objective', { exact: true }).fill('Lower churn of European customers')
  // Proposals are private: the hint says a near-duplicate exists without showing it (issue 15).
  await expect(grace.getByText('Someone has already proposed something close.')).toBeVisible()
  await grace.getByRole('button', { name: 'Propose objective' }).click()
  await expect(grace.getByRole('list', { name: 'Your proposals' })).toContainText('Lower churn of European customers')
  await propose(alan, 'Hire five senior engineers')
  await propose(alan, 'Improve onboarding for new engineers')
  await propose(ada, 'Make checkout faster')
  await propose(grace, 'Speed up the checkout page')
  await facilitator.getByRole('button', { name: 'Advance to Group' }).click()
  for (const page of [facilitator, ada, grace, alan]) await expect(page.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(6)

  // Ada merges the two churn cards by dragging one onto the other with the mouse.
  const churn = boardCard(ada, 'Reduce customer churn in Europe')
  await dragCardWithMouse(ada, 'Lower churn of European customers', churn, churn.getByText('Drop to merge'))
  const mergeDialog = ada.getByRole('dialog', { name: 'Merge two cards' })
  await expect(mergeDialog.getByRole('radio', { name: /Reduce customer churn in Europe/ })).toBeChecked()
  await mergeDialog.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(mergeDialog).toHaveCount(0)
  for (const page of [facilitator, ada, grace, alan]) {
    const merged = boardCard(page, 'Reduce customer churn in Europe')
    await expect(merged).toContainText('2 people')
    await expect(merged).toContainText('Also said:Lower churn of European customers')
    await expect(boardCard(page, 'Lower churn of European customers')).toHaveCount(0)
  }

  // Grace clusters with the keyboard only: pick up with Space, arrows to a drop place, Space to drop.
  await grace.getByRole('button', { name: 'Move “Hire five senior engineers”' }).focus()
  await grace.keyboard.press('Space')
  await expect(dragAnnouncer(grace)).toHaveText('Picked up “Hire five senior engineers”.')
  await steerHeldCard(grace, 'Over “New cluster”', () => 'ArrowRight')
  await grace.keyboard.press('Space')
  const newCluster = grace.getByRole('list', { name: 'Cards in “Hire five senior engineers”' })
  await expect(boardCard(newCluster, 'Hire five senior engineers')).toBeVisible()
  await expect(newCluster.getByRole('button', { name: 'Move “Hire five senior engineers”' })).toBeFocused()
  await grace.keyboard.press('Shift+Tab')
  await expect(grace.getByRole('button', { name: 'Rename cluster “Hire five senior engineers”' })).toBeFocused()
  await grace.keyboard.press('Enter')
  await expect(grace.getByLabel('Cluster name')).toBeFocused()
  await grace.keyboard.press('ControlOrMeta+a')
  await grace.keyboard.type('Engineering talent')
  await grace.keyboard.press('Enter')
  await expect(grace.getByRole('heading', { name: 'Engineering talent', level: 4 })).toBeVisible()

  await grace.getByRole('button', { name: 'Move “Improve onboarding for new engineers”' }).focus()
  await grace.keyboard.press('Space')
  await expect(dragAnnouncer(grace)).toHaveText('Picked up “Improve onboarding for new engineers”.')
  await steerHeldCard(grace, 'Over cluster “Engineering talent”', (now) =>
    now.includes('New cluster') ? 'ArrowDown' : now.includes('drop to merge') ? 'ArrowUp' : 'ArrowRight',
  )
  await grace.keyboard.press('Space')
  await expect(grace.getByRole('list', { name: 'Cards in “Engineering talent”' }).getByRole('article')).toHaveCount(2)

  // The facilitator asks for suggestions and accepts the suggested cluster; nothing changed before that.
  await facilitator.getByRole('button', { name: 'Suggest clusters' }).click()
  const suggestions = facilitator.getByRole('list', { name: 'Suggestions to review' })
  await expect(suggestions).toContainText('Cluster as “Make checkout faster”Make checkout fasterSpeed up the checkout page')
  await expect(ada.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(3)
  await suggestions.getByRole('button', { name: 'Accept: Cluster as “Make checkout faster”' }).click()
  await expect(facilitator.getByRole('list', { name: 'Suggestions to review' })).toHaveCount(0)

  const expected = {
    unclustered: ['Reduce customer churn in Europe'],
    clusters: {
      'Engineering talent': ['Hire five senior engineers', 'Improve onboarding for new engineers'],
      'Make checkout faster': ['Make checkout faster', 'Speed up the checkout page'],
    },
  }
  for (const page of [facilitator, ada, grace, alan]) await expectBoard(page, expected)
  await alan.reload()
  await grace.reload()
  await expectBoard(alan, expected)
  await expectBoard(grace, expected)
})

test('the menu path merges without dragging, undo says what it undid or why it cannot, and the facilitator reads the audit trail and names helpers', async ({
  browser,
}) => {
  const seeded = await seedBoard(server.url, ['Cut cloud costs', 'Reduce AWS spend', 'Raise NPS above 50', 'Make support answer within one hour'], {
    perPerson: 1,
  })
  const ada = await joinAs(browser, seeded.meeting.joinUrl, 'Ada Lovelace')
  const status = ada.getByRole('status').filter({ hasText: /./ }).first()
  await expect(ada.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(4)

  await ada.getByRole('button', { name: 'Undo my last move' }).click()
  await expect(ada.getByText('Not saved: You have no move to undo.')).toBeVisible()

  // Merge into… from the keyboard-operable Actions menu, with a new title for the merged card.
  await ada.getByRole('button', { name: 'Actions for “Reduce AWS spend”' }).focus()
  await ada.keyboard.press('Enter')
  await expect(ada.getByRole('menuitem', { name: 'Merge into…' })).toBeFocused()
  await ada.keyboard.press('Enter')
  const pick = ada.getByRole('dialog', { name: 'Merge “Reduce AWS spend” into…' })
  await expect(pick.getByLabel('Find a card')).toBeFocused()
  await ada.keyboard.type('cloud')
  await pick.getByRole('button', { name: /Cut cloud costs/ }).click()
  const merge = ada.getByRole('dialog', { name: 'Merge two cards' })
  await merge.getByRole('radio', { name: 'Write a new title' }).check()
  await merge.getByRole('textbox', { name: 'New title' }).fill('Cut cloud spend by a third')
  await ada.keyboard.press('Enter')
  const merged = boardCard(ada, 'Cut cloud spend by a third')
  await expect(merged).toContainText('2 people')
  await expect(merged).toContainText('Also said:Cut cloud costsReduce AWS spend')
  await expect(ada.getByRole('button', { name: 'Move “Cut cloud spend by a third”' })).toBeFocused()

  await ada.getByRole('button', { name: 'Undo my last move' }).click()
  await expect(ada.getByText('Undone: Merged “Reduce AWS spend” into “Cut cloud spend by a third”.')).toBeVisible()
  await expect(ada.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(4)

  // A move someone else has built on cannot be undone exactly, and the board says so.
  await ada.getByRole('button', { name: 'Actions for “Raise NPS above 50”' }).click()
  await ada.getByRole('menuitem', { name: 'New cluster' }).click()
  await expect(ada.getByRole('list', { name: 'Cards in “Raise NPS above 50”' })).toBeVisible()
  const clusterId = seeded.view().clusters[0]?.id ?? (await waitForCluster(seeded))
  await seeded.facilitator.send({ type: 'renameCluster', clusterId, name: 'Customer happiness' })
  await expect(ada.getByRole('heading', { name: 'Customer happiness', level: 4 })).toBeVisible()
  await ada.getByRole('button', { name: 'Undo my last move' }).click()
  await expect(status).toHaveText('Could not undo: Someone has changed these cards since your move, so it cannot be undone exactly.')
  await expect(ada.getByRole('list', { name: 'Cards in “Customer happiness”' }).getByRole('article')).toHaveCount(1)

  const facilitator = await openAsFacilitator(browser, seeded.meeting.facilitatorUrl)
  await facilitator.getByRole('button', { name: 'Audit trail' }).click()
  const audit = facilitator.getByRole('list', { name: 'Audit trail' })
  await expect(audit).toContainText('Ada Lovelace moved: Merged “Reduce AWS spend” into “Cut cloud spend by a third”')
  await expect(audit).toContainText('Ada Lovelace undid: Merged “Reduce AWS spend” into “Cut cloud spend by a third”')

  // Helpers only: Ada can no longer move cards until the facilitator names her a helper.
  await facilitator.getByText(/^Who may move cards:/).click()
  await facilitator.getByRole('radio', { name: 'The facilitator and named helpers' }).check()
  await expect(ada.getByText('In this meeting the facilitator and named helpers arrange the board.')).toBeVisible()
  await expect(ada.getByRole('button', { name: /^Move “/ })).toHaveCount(0)
  await facilitator.getByLabel('Add a helper').fill('ada')
  await facilitator.getByRole('button', { name: 'Make Ada Lovelace a helper' }).click()
  await expect(facilitator.getByRole('list', { name: 'Helpers' })).toContainText('Ada Lovelace')
  await expect(ada.getByText('You are a helper: you can arrange the board.')).toBeVisible()
  await expect(ada.getByRole('button', { name: 'Move “Cut cloud costs”' })).toBeVisible()
  seeded.close()
})

test('a move shows at once as saving; when someone else got there first it rolls back and says why', async ({ browser }) => {
  const seeded = await seedBoard(server.url, ['Cut cloud costs', 'Reduce AWS spend', 'Lower hosting bills', 'Raise NPS above 50'], { perPerson: 1 })
  const ada = await joinAs(browser, seeded.meeting.joinUrl, 'Ada Lovelace')
  const grace = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const link = await holdableServerLink(grace)
  await grace.goto(seeded.meeting.joinUrl)
  await grace.getByLabel('Your name').fill('Grace Hopper')
  await grace.getByRole('button', { name: 'Join meeting' }).click()
  await expect(grace.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(4)

  // While the server's answers to Grace are held back, her move is on screen at once, marked as saving.
  link.hold()
  await grace.getByRole('button', { name: 'Actions for “Raise NPS above 50”' }).click()
  await grace.getByRole('menuitem', { name: 'New cluster' }).click()
  const pendingCluster = grace.getByRole('list', { name: 'Cards in “Raise NPS above 50”' })
  await expect(boardCard(pendingCluster, 'Raise NPS above 50')).toHaveAttribute('aria-busy', 'true')
  await expect(pendingCluster.getByText('Saving…')).toBeVisible()
  await expect(grace.getByRole('status').filter({ hasText: 'Started cluster “Raise NPS above 50”' })).toContainText('Saving…')
  link.release()
  await expect(grace.getByRole('status').filter({ hasText: /./ }).first()).toHaveText(
    'Started cluster “Raise NPS above 50” with “Raise NPS above 50”. Rename it to say what the cards share.',
  )
  await expect(boardCard(pendingCluster, 'Raise NPS above 50')).not.toHaveAttribute('aria-busy')
  await expect(grace.getByRole('button', { name: 'Rename cluster “Raise NPS above 50”' })).toBeVisible()

  // Ada and Grace merge the same card at the same moment: Ada's merge reaches the server first.
  link.hold()
  await ada.getByRole('button', { name: 'Actions for “Reduce AWS spend”' }).click()
  await ada.getByRole('menuitem', { name: 'Merge into…' }).click()
  await ada
    .getByRole('dialog', { name: 'Merge “Reduce AWS spend” into…' })
    .getByRole('button', { name: /Lower hosting bills/ })
    .click()
  await ada.getByRole('dialog', { name: 'Merge two cards' }).getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(boardCard(ada, 'Lower hosting bills')).toContainText('Also said:Reduce AWS spend')
  await expect(boardCard(ada, 'Lower hosting bills')).not.toHaveAttribute('aria-busy')

  // Grace still sees the card and merges it elsewhere: her board shows it merged at once…
  await grace.getByRole('button', { name: 'Actions for “Reduce AWS spend”' }).click()
  await grace.getByRole('menuitem', { name: 'Merge into…' }).click()
  await grace
    .getByRole('dialog', { name: 'Merge “Reduce AWS spend” into…' })
    .getByRole('button', { name: /Cut cloud costs/ })
    .click()
  await grace.getByRole('dialog', { name: 'Merge two cards' }).getByRole('button', { name: 'Merge', exact: true }).click()
  const cloud = boardCard(grace, 'Cut cloud costs')
  await expect(cloud).toContainText('Also said:Reduce AWS spend')
  await expect(cloud).toHaveAttribute('aria-busy', 'true')
  await expect(boardCard(grace, 'Reduce AWS spend')).toHaveCount(0)

  // …then the server's refusal arrives: her merge rolls back, the board shows Ada's, and the status says why.
  link.release()
  const status = grace.getByRole('status').filter({ hasText: /./ }).first()
  await expect(status).toHaveText(
    'Not saved: That card is no longer on the board (it may have just been merged). “Reduce AWS spend” was not merged into “Cut cloud costs”.',
  )
  await expect(cloud).not.toContainText('Also said')
  await expect(cloud).toContainText('1 person')
  await expect(boardCard(grace, 'Lower hosting bills')).toContainText('Also said:Reduce AWS spend')
  await expect(grace.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(2)

  // Undo still undoes exactly what the server did for Grace (her new cluster), never the refused merge.
  await grace.getByRole('button', { name: 'Undo my last move' }).click()
  await expect(status).toHaveText('Undone: Started cluster “Raise NPS above 50” with “Raise NPS above 50”.')
  await expect(grace.getByRole('list', { name: 'Unclustered cards' }).getByRole('article')).toHaveCount(3)
  seeded.close()
})

async function waitForCluster(seeded: Awaited<ReturnType<typeof seedBoard>>): Promise<string> {
  await waitForClient(seeded.facilitator, () => seeded.view().clusters.length > 0)
  return seeded.view().clusters[0]!.id
}

test.describe('with 2,000 cards', () => {
  test.beforeEach(async () => {
    // Seeding sends thousands of commands over a few sockets; the per-connection rate limit is for people.
    await servers.restartWith({ RATE_LIMIT_MESSAGES_PER_SECOND: '5000' })
  })

  test('the board stays responsive: search, counts, and a drag from pick-up to saved drop', async ({ browser }) => {
    const titles = Array.from(
      { length: 2000 },
      (_, i) =>
        `Objective ${i + 1}: ${['grow', 'cut', 'ship', 'hire', 'launch'][i % 5]} ${['revenue', 'costs', 'the app', 'engineers', 'in Brazil'][(i * 7) % 5]} by Q${(i % 4) + 1}`,
    )
    const seeded = await seedBoard(server.url, titles, { perPerson: 10 })
    const f = seeded.facilitator
    const cards = seeded.view().cards
    for (let c = 0; c < 40; c++) {
      const group = cards.slice(1000 + c * 5, 1000 + c * 5 + 5)
      const { clusterId } = await f.send({ type: 'createCluster', cardId: group[0]!.id, name: `Theme ${c + 1}` })
      await Promise.all(group.slice(1).map((card) => f.send({ type: 'moveCard', cardId: card.id, clusterId })))
    }

    let t0 = Date.now()
    const page = await openAsFacilitator(browser, seeded.meeting.facilitatorUrl)
    await expect(page.getByText('2,000 cards', { exact: true })).toBeVisible()
    const loadMs = Date.now() - t0
    const rendered = await page.getByRole('article').count()
    expect(rendered).toBeLessThan(150)

    t0 = Date.now()
    const sought = cards[10]!.title
    await page.getByLabel('Search the board').fill(sought.split(' ').slice(0, 2).join(' '))
    await expect(page.getByRole('article')).toHaveCount(1)
    await expect(boardCard(page, sought)).toBeVisible()
    const searchMs = Date.now() - t0
    await page.getByLabel('Search the board').fill('')
    await expect(page.getByRole('list', { name: 'Unclustered cards' }).getByRole('article').first()).toBeVisible()

    const title = cards[0]!.title
    const source = boardCard(page, title).getByText(title, { exact: true })
    const zone = page.getByText('New cluster', { exact: true })
    const from = (await source.boundingBox())!
    const to = (await zone.boundingBox())!
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] }
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration))
      }).observe({ type: 'longtask' })
    })
    t0 = Date.now()
    await page.mouse.move(from.x + 8, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + 20, from.y + from.height / 2 + 10, { steps: 2 })
    await expect(dragAnnouncer(page)).not.toHaveText('')
    const pickUpMs = Date.now() - t0
    t0 = Date.now()
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 })
    await expect(page.getByText('Drop to start a cluster with this card', { exact: true })).toBeVisible()
    const moveMs = Date.now() - t0
    t0 = Date.now()
    await page.mouse.up()
    await expect(page.getByRole('list', { name: `Cards in “${title}”` })).toBeVisible()
    const dropToSavedMs = Date.now() - t0
    await expect(page.getByText('41 clusters', { exact: true })).toBeVisible()
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)
    // Wall-clock through Playwright (its expect polls add up to ~100 ms); long tasks are the page's own >50 ms stalls.
    console.log(
      `2,000 cards: load ${loadMs} ms, ${rendered} cards rendered, search ${searchMs} ms, pick-up ${pickUpMs} ms, ` +
        `drag across ${moveMs} ms (10 steps), drop→saved ${dropToSavedMs} ms, long tasks during the drag: [${longTasks.join(', ')}] ms`,
    )
    expect(dropToSavedMs).toBeLessThan(3000)

    // Not checked here yet: a keyboard walk (Page Down) from the top to "Theme 40". It reached it in every run on a
    // loaded machine but stalled over a card in 1 of 2 runs on a quiet one (the cluster it stood on was re-rendered
    // away under it); see the README's Status. The room test above still drags into a cluster by keyboard.
    seeded.close()
  })
})
