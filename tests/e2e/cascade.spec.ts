import { expect, test, type Browser, type Page } from '@playwright/test'
import WebSocket from 'ws'
import { MeetingClient } from '../../shared/client/MeetingClient.ts'
import { readMeetingView } from '../../shared/meeting/meetingDoc.ts'
import type { CreateMeetingResponse } from '../../shared/protocol/messages.ts'
import { waitForClient } from './helpers/seedBoard.ts'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { joinAs } from './helpers/meetingFlows.ts'

const SCREENS = '/work/notes/screens/cascade'

let server: ServerProcess
serverPerTest((s) => (server = s))

const COMPANY_OBJECTIVES = ['Customers love onboarding', 'Grow revenue in Spain', 'Ship the partner API']

/**
 * The company's quarter, run beforehand through the protocol (the meeting UI itself is covered by keyResults.spec):
 * three objectives with three accepted key results each, published.
 */
async function publishedCompanySet(baseUrl: string): Promise<CreateMeetingResponse> {
  const res = await fetch(`${baseUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Acme company OKRs',
      quarter: '2027 Q1',
      mission: { value: 'help small shops sell online', field: 'retail software', impact: 'so local businesses thrive' },
      objectiveCount: 3,
    }),
  })
  const meeting = (await res.json()) as CreateMeetingResponse
  const serverUrl = `${baseUrl.replace(/^http/, 'ws')}/ws`
  const open = (token: string | null) => new MeetingClient({ serverUrl, meetingId: meeting.meetingId, token, WebSocketPolyfill: WebSocket })
  const ceo = open(meeting.facilitatorToken)
  const ana = open(null)
  try {
    await waitForClient(ceo, () => ceo.isSynced && ceo.identity?.role === 'facilitator')
    await waitForClient(ana, () => ana.isSynced)
    await ana.join('Ana')
    const advance = (expected: 'mission' | 'submit' | 'group' | 'vote' | 'keyResults' | 'review') =>
      ceo.send({ type: 'changeStage', move: 'advance', expected })
    await ceo.send({ type: 'updateSettings', maxSubmissionsPerPerson: 5 })
    await advance('mission')
    for (const title of COMPANY_OBJECTIVES) await ana.send({ type: 'submitObjective', title, why: '' })
    await advance('submit')
    await advance('group')
    await ceo.send({ type: 'openVoting' })
    await ceo.send({ type: 'closeVoting' })
    await ceo.send({ type: 'revealVotes' })
    await advance('vote')
    await waitForClient(ceo, () => readMeetingView(ceo.doc)?.objectives.length === 3)
    const confidences = [
      [8, 7, 6],
      [4, 6, 3],
      [8, 9, 7],
    ]
    for (const [i, objective] of readMeetingView(ceo.doc)!.objectives.entries()) {
      for (const [j, confidence] of (confidences[i] ?? []).entries()) {
        const statement = `${objective.title}: measure ${j + 1} from ${10 * (j + 1)} to ${20 * (j + 1)}`
        const { keyResultId } = await ana.send({ type: 'proposeKeyResult', objectiveId: objective.id, statement })
        await ceo.send({ type: 'acceptKeyResult', keyResultId, accepted: true })
        await ana.send({ type: 'updateKeyResult', keyResultId, confidence, owner: 'Ana' })
      }
    }
    await advance('keyResults')
    await advance('review')
  } finally {
    ceo.destroy()
    ana.destroy()
  }
  return meeting
}

async function newPage(browser: Browser, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } },
  )
  return context.newPage()
}

test('a department links its objective to a company objective, the CEO sends it back, then confirms it; the alignment view shows the tree', async ({
  browser,
}) => {
  // Four browsers, nine accessibility scans, two meetings: long on a shared two-core machine.
  const company = await publishedCompanySet(server.url)
  const companyPublic = `${server.url}/p/${company.meetingId}`

  // The company's public page invites departments to align; the department lead follows the link.
  const lead = await newPage(browser)
  await lead.goto(companyPublic)
  await lead.getByRole('link', { name: 'start a department meeting' }).click()
  await expect(lead.getByRole('checkbox', { name: 'This is a department meeting for a company OKR set' })).toBeChecked()
  await expect(lead.getByText('Aligns to “Acme company OKRs”, 2027 Q1: 3 objectives.')).toBeVisible()
  await expect(lead.getByLabel('Quarter')).toHaveValue('2027 Q1')
  await lead.getByLabel('Meeting title').fill('Sales OKRs')
  await lead.getByLabel('Department', { exact: true }).fill('Sales')
  await lead.getByLabel('We', { exact: true }).fill('help small shops sell online')
  await lead.getByLabel('in', { exact: true }).fill('retail software')
  await lead.getByRole('radio', { name: /One objective/ }).check()
  await expectNoSeriousA11yViolations(lead, 'create a department meeting')
  await lead.screenshot({ path: `${SCREENS}/create-department-desktop.png`, fullPage: true })
  await lead.getByRole('button', { name: 'Create meeting' }).click()

  // Mission: everyone sees the company objectives the department will support.
  await expect(lead.getByRole('list', { name: 'Company objectives' })).toContainText('Customers love onboarding')
  const joinUrl = await lead.getByRole('textbox', { name: 'Join link' }).inputValue()
  const bo = await joinAs(browser, joinUrl, 'Bo Sales', { isPhone: true })
  await expect(bo.getByRole('list', { name: 'Company objectives' })).toContainText('Grow revenue in Spain')

  await lead.getByRole('button', { name: 'Advance to Submit' }).click()
  await bo.getByLabel('Objective', { exact: true }).fill('Close deals faster')
  await bo.getByRole('button', { name: 'Propose objective' }).click()
  await expect(bo.getByRole('list', { name: 'Your proposals' })).toContainText('Close deals faster')
  await lead.getByRole('button', { name: 'Advance to Group' }).click()
  await lead.getByRole('button', { name: 'Advance to Vote' }).click()
  await lead.getByRole('button', { name: 'Open voting' }).click()
  await lead.getByRole('button', { name: 'Close voting' }).click()
  await lead.getByRole('button', { name: 'Reveal results' }).click()
  await lead.getByRole('button', { name: 'Advance to Key results' }).click()

  await bo.getByLabel('New key result for “Close deals faster”').fill('Sales cycle from 60 to 40 days')
  await bo.getByRole('button', { name: 'Propose' }).click()
  await lead.getByRole('button', { name: /^Accept:/ }).click()
  await expect(bo.getByText('Accepted', { exact: true })).toBeVisible()

  // Not linked yet: Review says so, and publishing is refused by the server.
  await lead.getByRole('button', { name: 'Advance to Review' }).click()
  await expect(lead.getByRole('heading', { name: /Not ready to publish/ })).toBeVisible()
  await expect(lead.getByText('“Close deals faster” does not say which company objective it supports.')).toBeVisible()
  await lead.getByRole('button', { name: 'Confirm and publish' }).click()
  await expect(lead.getByText(/Link every objective to the company OKR it supports before publishing/)).toBeVisible()
  await expect(lead.getByRole('heading', { name: 'Review', level: 2 })).toBeVisible()

  await lead.getByLabel('Supports (company OKR)').selectOption({ label: 'O2: Grow revenue in Spain' })
  await expect(lead.getByText('Every objective supports a company OKR.', { exact: false })).toBeVisible()
  await expect(lead.getByText(/before publishing/)).toHaveCount(0)
  await expect(bo.getByText('O2: Grow revenue in Spain')).toBeVisible()
  await expectNoSeriousA11yViolations(lead, 'department review')
  await lead.screenshot({ path: `${SCREENS}/department-review-desktop.png`, fullPage: true })
  await lead.getByRole('button', { name: 'Confirm and publish' }).click()
  await expect(lead.getByRole('heading', { name: /Awaiting the CEO’s confirmation/ })).toBeVisible()

  // The CEO, on the company's facilitator page, sees the set arrive and sends it back with a comment.
  const ceo = await newPage(browser)
  await ceo.goto(company.facilitatorUrl)
  const sales = ceo.getByRole('listitem', { name: 'Sales' })
  await expect(sales).toContainText('Awaiting the CEO’s confirmation')
  await expect(sales).toContainText('Supports O2: Grow revenue in Spain')
  await expectNoSeriousA11yViolations(ceo, 'CEO confirmation')
  await ceo.getByRole('button', { name: 'Send Sales’s set back' }).click()
  await ceo.getByRole('button', { name: 'Send back with comment' }).isDisabled()
  await ceo.getByLabel('What should Sales change?').fill('Faster deals move onboarding more than Spain: support O1.')
  await ceo.getByRole('button', { name: 'Send back with comment' }).click()
  await expect(sales).toContainText('Sent back for changes')

  await expect(lead.getByRole('heading', { name: /Sent back for changes/ })).toBeVisible()
  await expect(lead.getByText('Faster deals move onboarding more than Spain: support O1.')).toBeVisible()
  await expect(bo.getByText('The facilitator reopens the set to make the changes.')).toBeVisible()
  await lead.getByRole('button', { name: 'Reopen to Key results' }).click()
  await expect(bo.getByRole('heading', { name: 'Key results', level: 2 })).toBeVisible()
  await bo.getByLabel('Supports (company OKR)').selectOption({ label: 'O1: Customers love onboarding' })
  await expect(lead.getByLabel('Supports (company OKR)')).toHaveValue(/^objective:/)
  await lead.getByRole('button', { name: 'Advance to Review' }).click()
  await lead.getByRole('button', { name: 'Confirm and publish' }).click()
  await expect(sales).toContainText('Awaiting the CEO’s confirmation')
  await expect(sales).toContainText('Supports O1: Customers love onboarding')
  await ceo.getByRole('button', { name: 'Confirm Sales’s set' }).click()
  await expect(lead.getByRole('heading', { name: /Confirmed by the CEO/ })).toBeVisible()
  await expect(bo.getByRole('list', { name: 'What Sales’s objectives support' })).toContainText('Close deals faster supports O1: Customers love onboarding')
  await expect(sales).toContainText('Confirmed by the CEO')
  await ceo.screenshot({ path: `${SCREENS}/ceo-confirmation-desktop.png`, fullPage: true })

  // A personal OKR agreed one-on-one, under the department's key result.
  await lead.getByRole('button', { name: 'Add a personal OKR…' }).click()
  await lead.getByLabel('Person', { exact: true }).fill('Bo Sales')
  await lead.getByLabel('Personal objective').fill('Run shorter demos')
  await lead.getByLabel('Supports (department OKR)').selectOption({ label: 'O1 · KR1: Sales cycle from 60 to 40 days' })
  await lead.getByLabel('Key result 1').fill('Demo in 20 minutes for 9 of 10 prospects')
  await lead.getByLabel('Confidence', { exact: true }).selectOption('3')
  await lead.getByRole('button', { name: 'Save personal OKR' }).click()
  await expect(lead.getByRole('list', { name: 'Personal OKRs' })).toContainText('Bo Sales: Run shorter demos')
  await expectNoSeriousA11yViolations(lead, 'department published, personal OKRs')
  await lead.screenshot({ path: `${SCREENS}/department-published-desktop.png`, fullPage: true })

  // The public alignment view: company objective → Sales' objective (confirmed) → Bo's personal objective.
  for (const [phone, name] of [
    [false, 'desktop'],
    [true, 'phone'],
  ] as const) {
    const reader = await newPage(browser, phone)
    await reader.goto(companyPublic)
    const tree = reader.getByRole('list', { name: 'Company objectives and the OKRs that support them' })
    const onboarding = tree.getByRole('listitem', { name: 'Customers love onboarding' })
    const deptNode = onboarding.getByRole('listitem', { name: 'Close deals faster' })
    await expect(deptNode).toContainText('Sales')
    await expect(deptNode).toContainText('Confirmed by the CEO')
    await expect(deptNode.getByRole('listitem', { name: 'Run shorter demos' })).toContainText('Bo Sales')
    await expect(deptNode.getByRole('listitem', { name: 'Run shorter demos' })).toContainText('at risk')
    await expect(tree.getByRole('listitem', { name: 'Grow revenue in Spain' })).toContainText('at risk')
    await expect(reader.getByRole('list', { name: 'Pitfall warnings: Company' })).toContainText('3 objectives with no order between them')
    await expectNoSeriousA11yViolations(reader, `published page with alignment (${name})`)
    await reader.getByRole('link', { name: 'Open the alignment view on its own page' }).click()
    await expect(reader.getByRole('heading', { name: 'Alignment · 2027 Q1', level: 1 })).toBeVisible()
    await expect(reader.getByRole('listitem', { name: 'Close deals faster' })).toContainText('via key result')
    await expectNoSeriousA11yViolations(reader, `alignment page (${name})`)
    await reader.screenshot({ path: `${SCREENS}/alignment-${name}.png`, fullPage: true })
  }
  await bo.screenshot({ path: `${SCREENS}/department-published-phone.png`, fullPage: true })
})
