/**
 * Screenshots of every stage at 1366×768, 1920×1080 and 390×844, for looking at the pages (not a test: no
 * assertions beyond waiting for each stage). The meeting is driven through the protocol from Node; the pages are
 * real browsers on the real server. Needs `npm run build` first.
 *
 *   node --import tsx tests/e2e/screens/stageTour.ts [outDir] [--only group,vote] [--lang es]
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import WebSocket from 'ws'
import { MeetingClient } from '../../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../../shared/meeting/meetingDoc.ts'
import type { MeetingView } from '../../../shared/meeting/meetingView.ts'
import type { CreateMeetingResponse } from '../../../shared/protocol/messages.ts'
import { waitForClient } from '../../../shared/client/waitForClient.ts'
import { CHROMIUM_ARGS } from '../../../playwright.config.ts'
import { ServerProcess } from '../helpers/serverProcess.ts'

const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
] as const

const PROPOSALS = [
  'Reduce customer churn in Europe',
  'Lower churn of European customers',
  'Make checkout faster',
  'Hire five senior engineers',
  'Double the number of paying customers',
  'Cut cloud costs',
  'Lanzar la app móvil en Brasil',
  'Crecer en Lyon Part-Dieu +12%',
  'Raise NPS above 50',
  'Reach SOC 2 compliance',
  'Automate refunds for small orders',
  'Halve the number of production incidents',
]

const args = process.argv.slice(2)
const outDir = args.find((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--')) ?? '/work/notes/screens/i17'
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : null
const lang = args.includes('--lang') ? (args[args.indexOf('--lang') + 1] ?? 'en') : 'en'
mkdirSync(outDir, { recursive: true })

/** Resolves after the browser has painted twice: the layout after a resize has settled. */
function nextPaint(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}

/** Waits until the page's stage stepper marks stage `n` (1–7) as current; by number, so it works in any language. */
function atStage(page: Page, n: number): Promise<void> {
  return page
    .locator('.stepper li[aria-current="step"] .step-number')
    .filter({ hasText: String(n) })
    .waitFor()
}

async function shoot(page: Page, name: string, options: { sizes?: readonly (typeof SIZES)[number][]; fullPhone?: boolean } = {}) {
  for (const size of options.sizes ?? SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    await nextPaint(page)
    await page.screenshot({ path: join(outDir, `${name}-${size.name}.png`) })
    if (size.name === 'phone' && options.fullPhone) await page.screenshot({ path: join(outDir, `${name}-${size.name}-full.png`), fullPage: true })
  }
}

async function main() {
  const server = await ServerProcess.start()
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const res = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Acme 2027 Q1 OKRs',
        quarter: '2027 Q1',
        mission: { value: 'help small shops sell online', field: 'retail software', impact: 'so local businesses thrive' },
        objectiveCount: 3,
      }),
    })
    const meeting = (await res.json()) as CreateMeetingResponse
    const open = (token: string | null) =>
      new MeetingClient({ serverUrl: `${server.url.replace(/^http/, 'ws')}/ws`, meetingId: meeting.meetingId, token, WebSocketPolyfill: WebSocket })
    const f = open(meeting.facilitatorToken)
    await waitForClient(f, () => f.isSynced && f.identity?.role === 'facilitator', 30_000)
    const view = () => readMeetingView(f.doc) as MeetingView
    const until = (predicate: () => boolean) => waitForClient(f, predicate, 30_000)
    const want = (stage: string) => only === null || only.includes(stage)

    const context = (size: { width: number; height: number }, isPhone = false) =>
      browser.newContext({ viewport: size, locale: lang === 'es' ? 'es-ES' : 'en-GB', ...(isPhone ? { isMobile: true, hasTouch: true } : {}) })
    const facilitator = await (await context({ width: 1366, height: 768 })).newPage()
    await facilitator.goto(meeting.facilitatorUrl)
    const phone = await (await context({ width: 390, height: 844 }, true)).newPage()
    await phone.goto(meeting.joinUrl)
    await phone.getByRole('textbox').first().fill('Grace Hopper')
    await phone.getByRole('button').last().click()
    const screen = await (await context({ width: 1366, height: 768 })).newPage()
    await screen.goto(`${meeting.joinUrl}/screen`)
    await until(() => view().presence.joined === 1)

    const people: MeetingClient[] = []
    for (const name of ['Ada Lovelace', 'Linus Torvalds', 'Maya Angelou', 'Alan Turing']) {
      const p = open(null)
      await waitForClient(p, () => p.isSynced, 30_000)
      await p.join(name)
      people.push(p)
    }
    if (want('mission')) {
      await shoot(facilitator, '01-mission-facilitator')
      await shoot(screen, '01-mission-projector', { sizes: SIZES.slice(0, 2) })
    }

    await f.send({ type: 'updateSettings', maxSubmissionsPerPerson: 5 })
    await f.send({ type: 'changeStage', move: 'advance', expected: 'mission' })
    for (const [i, title] of PROPOSALS.entries()) await people[i % people.length]!.send({ type: 'submitObjective', title, why: '' })
    await people[0]!.send({ type: 'markDone', stage: 'submit', done: true })
    if (want('submit')) {
      await shoot(facilitator, '02-submit-facilitator')
      await shoot(phone, '02-submit-phone', { sizes: [SIZES[2]], fullPhone: true })
      await shoot(screen, '02-submit-projector', { sizes: SIZES.slice(0, 2) })
    }

    await f.send({ type: 'changeStage', move: 'advance', expected: 'submit' })
    await until(() => view().cards.length === PROPOSALS.length)
    const card = (title: string) => view().cards.find((c) => c.title === title)!.id
    await f.send({
      type: 'mergeCards',
      sourceId: card('Lower churn of European customers'),
      targetId: card('Reduce customer churn in Europe'),
      title: 'Reduce customer churn in Europe',
    })
    const { clusterId } = (await f.send({ type: 'createCluster', cardId: card('Hire five senior engineers'), name: 'Engineering' })) as { clusterId: string }
    await f.send({ type: 'moveCard', cardId: card('Halve the number of production incidents'), clusterId })
    if (want('group')) {
      await shoot(facilitator, '03-group-facilitator', { fullPhone: true })
      await shoot(phone, '03-group-phone', { sizes: [SIZES[2]], fullPhone: true })
      // The phone's pick-then-place flow: a card picked, "Merge here" / "Add here" on the others, the bar below.
      await phone.locator('.pick-button').nth(1).click()
      await phone.locator('.picked-bar').waitFor()
      await shoot(phone, '03-group-phone-picked', { sizes: [SIZES[2]] })
      await phone.keyboard.press('Escape')
      await shoot(screen, '03-group-projector', { sizes: SIZES.slice(0, 2) })
    }

    await f.send({ type: 'changeStage', move: 'advance', expected: 'group' })
    await until(() => view().vote !== null)
    if (want('vote')) await shoot(facilitator, '04-vote-setup-facilitator')
    await f.send({ type: 'configureVote', budget: 3, perCandidateCap: null, isOwnVoteForbidden: false, isSpendAllReminded: true, shortlistSize: null })
    await f.send({ type: 'openVoting' })
    await until(() => view().vote?.phase === 'open')
    const candidates = view().vote!.candidates
    for (const [i, p] of people.entries()) {
      await p.send({ type: 'setDots', round: 1, candidateId: candidates[i % 3]!.id, dots: 2 })
      await p.send({ type: 'setDots', round: 1, candidateId: candidates[3 + i]!.id, dots: 1 })
    }
    if (want('vote')) {
      await shoot(facilitator, '05-vote-open-facilitator')
      await shoot(phone, '05-vote-open-phone', { sizes: [SIZES[2]], fullPhone: true })
      await shoot(screen, '05-vote-open-projector', { sizes: SIZES.slice(0, 2) })
    }
    await f.send({ type: 'closeVoting' })
    await f.send({ type: 'revealVotes' })
    await until(() => view().vote?.phase === 'revealed')
    if (want('vote')) {
      await shoot(facilitator, '06-vote-revealed-facilitator')
      await shoot(phone, '06-vote-revealed-phone', { sizes: [SIZES[2]], fullPhone: true })
      await shoot(screen, '06-vote-revealed-projector', { sizes: SIZES.slice(0, 2) })
    }
    const vote = view().vote!
    if (!vote.chosenIds && vote.result) {
      await f.send({ type: 'pickTied', candidateIds: vote.result.tiedAtCut.slice(0, vote.result.seatsLeftForTied) })
      await until(() => view().vote?.chosenIds !== null)
    }

    await f.send({ type: 'changeStage', move: 'advance', expected: 'vote' })
    await until(() => view().objectives.length === 3)
    const krs = [
      ['Trial-to-paid conversion from 4 % to 7 %', 'conversion', '4', '7', '%', 'Ada Lovelace', 5],
      ['Monthly churn from 3 % to 1.5 %', 'churn', '3', '1.5', '%', 'Linus Torvalds', 3],
      ['NPS from 32 to 50', 'NPS', '32', '50', 'points', 'Maya Angelou', 8],
    ] as const
    for (const objective of view().objectives) {
      for (const [statement, metric, baseline, target, unit, owner, confidence] of krs) {
        const { keyResultId } = (await people[0]!.send({ type: 'proposeKeyResult', objectiveId: objective.id, statement })) as { keyResultId: string }
        await people[0]!.send({ type: 'updateKeyResult', keyResultId, metric, baseline, target, unit, owner, confidence })
        await f.send({ type: 'acceptKeyResult', keyResultId, accepted: true })
      }
    }
    if (want('keyResults')) {
      await shoot(facilitator, '07-keyresults-facilitator', { fullPhone: true })
      await shoot(phone, '07-keyresults-phone', { sizes: [SIZES[2]], fullPhone: true })
      await shoot(screen, '07-keyresults-projector', { sizes: SIZES.slice(0, 2) })
    }
    await f.send({ type: 'changeStage', move: 'advance', expected: 'keyResults' })
    if (want('review')) {
      await atStage(facilitator, 6)
      await shoot(facilitator, '08-review-facilitator', { fullPhone: true })
      await shoot(phone, '08-review-phone', { sizes: [SIZES[2]], fullPhone: true })
    }
    await f.send({ type: 'changeStage', move: 'advance', expected: 'review' })
    await until(() => view().published !== null)
    if (want('published')) {
      await atStage(facilitator, 7)
      await shoot(facilitator, '09-published-facilitator', { fullPhone: true })
      const reader = await (await context({ width: 1366, height: 768 })).newPage()
      await reader.goto(`${server.url}/p/${meeting.meetingId}`)
      await reader.getByText('Acme 2027 Q1 OKRs').first().waitFor()
      await shoot(reader, '10-published-page', { fullPhone: true })
      await reader.goto(`${server.url}/p/${meeting.meetingId}/present`)
      await reader.getByText('Acme 2027 Q1 OKRs').first().waitFor()
      await shoot(reader, '11-plenary')
    }
    if (want('rhythm')) {
      const team = (await (
        await fetch(`${server.url}/api/meetings/${meeting.meetingId}/teams`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${meeting.facilitatorToken}` },
          body: JSON.stringify({ name: 'Growth', objectiveIds: view().objectives.map((o) => o.id) }),
        })
      ).json()) as { editorUrl: string }
      const lead = await (await context({ width: 1366, height: 768 })).newPage()
      await lead.goto(team.editorUrl)
      await lead.getByText('Growth').first().waitFor()
      await shoot(lead, '12-foursquare', { fullPhone: true })
    }
    for (const c of [f, ...people]) c.destroy()
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
