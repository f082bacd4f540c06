import { describe, expect, it, vi } from 'vitest'
import { CommandFailure } from './CommandFailure.ts'
import { countWaitingChanges, forgetEarlierHellos, settleReply, type PendingCommand } from './settleReply.ts'

function setup() {
  const calls: string[] = []
  const resolve = vi.fn((result: unknown) => calls.push(`resolve ${JSON.stringify(result)}`))
  const reject = vi.fn((error: CommandFailure) => calls.push(`reject ${error.code}`))
  const pending = new Map<string, PendingCommand<string>>([['c1', { command: 'first', resolve, reject }]])
  const hooks = {
    onPendingChange: () => calls.push(`pending ${pending.size}`),
    onServerNow: (serverNow: number) => calls.push(`clock ${serverNow}`),
    onNotice: (error: { code: string }) => calls.push(`notice ${error.code}`),
  }
  return { calls, pending, hooks, resolve, reject }
}

describe('settleReply', () => {
  it('removes the answered command, then takes the server clock, then resolves', () => {
    const { calls, pending, hooks } = setup()
    settleReply(pending, { kind: 'reply', id: 'c1', ok: true, result: { serverNow: 42 } }, hooks)
    expect(calls).toEqual(['pending 0', 'clock 42', 'resolve {"serverNow":42}'])
  })

  it('rejects a refused command with a CommandFailure carrying the code', () => {
    const { calls, pending, hooks, reject } = setup()
    settleReply(pending, { kind: 'reply', id: 'c1', ok: false, error: { code: 'forbidden', message: 'No.' } }, hooks)
    expect(calls).toEqual(['pending 0', 'reject forbidden'])
    expect(reject.mock.calls[0]![0]).toBeInstanceOf(CommandFailure)
    expect(reject.mock.calls[0]![0].message).toBe('No.')
  })

  it('turns a refusal that answers nothing pending into a notice, and drops an ok reply to nothing', () => {
    const { calls, pending, hooks } = setup()
    settleReply(pending, { kind: 'reply', id: null, ok: false, error: { code: 'bad_command', message: 'Bad.' } }, hooks)
    settleReply(pending, { kind: 'reply', id: 'gone', ok: true, result: { serverNow: 1 } }, hooks)
    expect(calls).toEqual(['notice bad_command'])
    expect(pending.size).toBe(1)
  })
})

describe('waiting changes', () => {
  const entry = (type: string): PendingCommand<{ type: string }> => ({ command: { type }, resolve: () => {}, reject: () => {} })
  const pendingOf = (...types: string[]) => new Map(types.map((type, i) => [`c${i}`, entry(type)]))

  it('counts changes, not the hello or a question still in flight when the socket dropped', () => {
    const pending = pendingOf('hello', 'findPeople', 'submitObjective', 'setDots')
    expect(countWaitingChanges(pending, (type) => type === 'findPeople')).toBe(2)
    expect(countWaitingChanges(pendingOf('hello'), () => false)).toBe(0)
  })

  it('forgets the hellos of earlier sockets and keeps everything else queued, in order', () => {
    const pending = pendingOf('hello', 'submitObjective', 'hello', 'findPeople')
    forgetEarlierHellos(pending)
    expect([...pending.values()].map((p) => p.command.type)).toEqual(['submitObjective', 'findPeople'])
  })
})
