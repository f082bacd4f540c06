import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { TeamClient, waitForTeam } from '../../../shared/client/TeamClient.ts'
import type { CreateTeamResponse } from '../../../shared/rhythm/teamCommands.ts'
import { quarterWeeks } from '../../../shared/rhythm/quarterWeeks.ts'
import { publishMeeting } from '../helpers/publishedMeeting.ts'
import { RawSocket } from '../helpers/rawSocket.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { commandId } from '../hostile/arena.ts'

let t: TestServer | undefined
const closers: (() => void)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) close()
  await t?.close()
  t = undefined
})

describe('reactions on the read-only team link are bounded (issue 15, input)', () => {
  it('accepts at most a burst of reactions per address, however many fresh viewer secrets come, and one viewer per socket', async () => {
    t = await startTestServer()
    const published = await publishMeeting(t.httpUrl, t.wsUrl)
    const week = quarterWeeks(published.set.quarter)[0] as string
    const res = await fetch(`${t.httpUrl}/api/meetings/${published.meeting.meetingId}/teams`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${published.meeting.facilitatorToken}` },
      body: JSON.stringify({ name: 'Growth', objectiveIds: [published.set.objectives[0]?.id] }),
    })
    const team = (await res.json()) as CreateTeamResponse
    const editor = new TeamClient({ serverUrl: t.wsUrl, teamId: team.teamId, WebSocketPolyfill: WebSocket, editorToken: team.editorToken })
    closers.push(() => editor.destroy())
    await waitForTeam(editor, () => editor.identity?.role === 'editor' && editor.view() !== null)
    const { winId } = await editor.send({ type: 'postWin', weekId: week, text: 'First 10 shops onboarded', by: 'Ana' })

    // One socket, a fresh viewer secret per hello: refused after the first.
    const rebinder = await RawSocket.open(`${t.wsUrl}/team`, team.teamId)
    closers.push(() => rebinder.close())
    expect(await rebinder.request({ id: commandId('h1'), type: 'hello', viewer: 'viewer-secret-first-000' })).toMatchObject({ ok: true })
    expect(await rebinder.request({ id: commandId('h2'), type: 'hello', viewer: 'viewer-secret-second-00' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })

    // 25 sockets from one address, each with a fresh viewer secret.
    const started = performance.now()
    const outcomes: string[] = []
    for (let i = 0; i < 25; i++) {
      const socket = await RawSocket.open(`${t.wsUrl}/team`, team.teamId)
      closers.push(() => socket.close())
      await socket.request({ id: commandId('hello'), type: 'hello', viewer: `fresh-viewer-secret-${String(i).padStart(4, '0')}` })
      const reply = await socket.request({ id: commandId('react'), type: 'react', weekId: week, winId, reaction: 'party', on: true })
      outcomes.push(reply.kind === 'reply' && reply.ok ? 'ok' : reply.kind === 'reply' && !reply.ok ? reply.error.code : '?')
    }
    // A burst of 20, then one more every 3 s: on a loaded machine the 25 sockets take a few seconds to open.
    const refilled = Math.floor((performance.now() - started) / 3000)
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('ok'))
    expect(outcomes.filter((o) => o === 'ok').length).toBeLessThanOrEqual(20 + refilled)
    expect(outcomes.filter((o) => o === 'rate_limited').length).toBeGreaterThanOrEqual(5 - refilled)

    // Team spaces share the command pipeline: a reused id with another body is refused there too.
    const id = commandId('win')
    await editor.send({ type: 'postWin', weekId: week, text: 'Second win', by: 'Ana' }, id)
    await expect(editor.send({ type: 'postWin', weekId: week, text: 'A different win', by: 'Ana' }, id)).rejects.toMatchObject({ code: 'id_reused' })
  })
})
