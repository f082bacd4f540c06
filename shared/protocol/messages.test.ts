import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { Command, CreateMeetingRequest, DisplayName, ServerMessageSchema } from './messages.ts'
import { MAX_COMMAND_ID_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from './limits.ts'
import { MESSAGE_APP, encodeAppMessage, readAppPayload } from './wire.ts'

const ID = 'c0ffee00c0ffee00c0ffee00c0ffee00'
const TOKEN = 'AbCdEfGhIjKl.abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFG'

describe('Command', () => {
  it.each([
    { id: ID, type: 'hello', token: TOKEN },
    { id: ID, type: 'join', name: 'Ana' },
    { id: ID, type: 'rename', name: 'Ana Lee' },
    { id: ID, type: 'changeStage', move: 'advance', expected: 'mission' },
    { id: ID, type: 'changeStage', move: 'back', expected: 'review' },
    { id: ID, type: 'markDone', stage: 'vote', done: true },
    { id: ID, type: 'markDone', stage: 'submit', done: false },
    { id: ID, type: 'startTimer', seconds: 300 },
    { id: ID, type: 'stopTimer' },
  ])('accepts a well-formed $type command', (command) => {
    const parsed = Command.safeParse(command)
    expect(parsed.success).toBe(true)
    expect(parsed.data).toEqual(command)
  })

  it.each([
    ['an unknown type', { id: ID, type: 'deleteMeeting' }],
    ['a missing type', { id: ID, name: 'Ana' }],
    ['a missing id', { type: 'stopTimer' }],
    ['a numeric id', { id: 42, type: 'stopTimer' }],
    ['an empty id', { id: '', type: 'stopTimer' }],
    ['an id with spaces', { id: 'a b', type: 'stopTimer' }],
    ['an id with a slash', { id: 'a/b', type: 'stopTimer' }],
    ['an id with a null byte', { id: 'ab\u0000', type: 'stopTimer' }],
    ['an id that is too long', { id: 'a'.repeat(MAX_COMMAND_ID_LENGTH + 1), type: 'stopTimer' }],
    ['an extra key', { id: ID, type: 'stopTimer', force: true }],
    ['an extra key on join', { id: ID, type: 'join', name: 'Ana', role: 'facilitator' }],
    ['a prototype key', JSON.parse(`{"id":"${ID}","type":"stopTimer","__proto__":{"x":1}}`)],
    ['a name that is a number', { id: ID, type: 'join', name: 42 }],
    ['a missing name', { id: ID, type: 'join' }],
    ['an unknown move', { id: ID, type: 'changeStage', move: 'skip', expected: 'mission' }],
    ['an unknown expected stage', { id: ID, type: 'changeStage', move: 'advance', expected: 'lunch' }],
    ['a done flag given as a string', { id: ID, type: 'markDone', stage: 'vote', done: 'true' }],
    ['a fractional timer', { id: ID, type: 'startTimer', seconds: 30.5 }],
    ['a timer given as a string', { id: ID, type: 'startTimer', seconds: '60' }],
    ['a timer under ten seconds', { id: ID, type: 'startTimer', seconds: 9 }],
    ['a timer over three hours', { id: ID, type: 'startTimer', seconds: 3 * 3600 + 1 }],
    ['a short token', { id: ID, type: 'hello', token: 'abc.def' }],
    ['a token with spaces', { id: ID, type: 'hello', token: 'AbCdEfGhIjKl abcdefghijklmnopqrstuvwxyz' }],
    ['a token that is too long', { id: ID, type: 'hello', token: 'a'.repeat(129) }],
    ['null', null],
    ['an array', [ID, 'stopTimer']],
    ['a string', 'stopTimer'],
  ])('refuses %s', (_label, command) => {
    expect(Command.safeParse(command).success).toBe(false)
  })

  it('accepts ids at the length limit and the timer at its bounds', () => {
    expect(Command.safeParse({ id: 'a'.repeat(MAX_COMMAND_ID_LENGTH), type: 'stopTimer' }).success).toBe(true)
    expect(Command.safeParse({ id: ID, type: 'startTimer', seconds: 10 }).success).toBe(true)
    expect(Command.safeParse({ id: ID, type: 'startTimer', seconds: 3 * 3600 }).success).toBe(true)
  })

  it('names the offending field in its message', () => {
    const parsed = Command.safeParse({ id: ID, type: 'join', name: 'x'.repeat(MAX_NAME_LENGTH + 1) })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['name'])
    expect(parsed.error?.issues[0]?.message).toBe(`Name is at most ${MAX_NAME_LENGTH} characters.`)
  })
})

describe('DisplayName', () => {
  it('collapses runs of whitespace and trims', () => {
    expect(DisplayName.parse('  Ana   Lee  ')).toBe('Ana Lee')
    expect(DisplayName.parse('Ana\tLee\n')).toBe('Ana Lee')
  })

  it('accepts names in any script', () => {
    for (const name of ['José Álvarez', 'Zoë', '李小龙', 'Ağca', 'Ольга', '👩‍🚀 Sam']) expect(DisplayName.parse(name)).toBe(name)
  })

  it('measures the limit after trimming', () => {
    expect(DisplayName.safeParse('x'.repeat(MAX_NAME_LENGTH)).success).toBe(true)
    expect(DisplayName.safeParse(`   ${'x'.repeat(MAX_NAME_LENGTH)}   `).success).toBe(true)
    expect(DisplayName.safeParse('x'.repeat(MAX_NAME_LENGTH + 1)).success).toBe(false)
  })

  it('refuses an empty or blank name', () => {
    for (const name of ['', ' ', '\n\t ']) {
      const parsed = DisplayName.safeParse(name)
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe('Name is required.')
    }
  })

  it.each(['\u0000', '\u0007', '\u001b[31m', '\u001f', '\u007f'])('refuses control character %j', (control) => {
    const parsed = DisplayName.safeParse(`Ana${control}Lee`)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe('Name contains control characters.')
  })

  it('refuses a name that is not a string', () => {
    for (const value of [null, undefined, 7, ['Ana'], { name: 'Ana' }]) expect(DisplayName.safeParse(value).success).toBe(false)
  })
})

describe('CreateMeetingRequest', () => {
  const good = {
    title: 'Company OKRs',
    quarter: '2027 Q1',
    mission: { value: 'help teams decide', field: 'software', impact: 'so work means something' },
    objectiveCount: 1,
  }

  it('accepts a complete request', () => {
    expect(CreateMeetingRequest.parse(good)).toEqual(good)
  })

  it('defaults to three objectives', () => {
    const { objectiveCount: _omitted, ...rest } = good
    expect(CreateMeetingRequest.parse(rest).objectiveCount).toBe(3)
  })

  it('accepts an empty impact (the mission sentence can end after the field)', () => {
    expect(CreateMeetingRequest.parse({ ...good, mission: { ...good.mission, impact: '' } }).mission.impact).toBe('')
  })

  it('tidies whitespace in the title and the quarter', () => {
    const parsed = CreateMeetingRequest.parse({ ...good, title: '  Company   OKRs ', quarter: ' 2027 Q1 ' })
    expect(parsed.title).toBe('Company OKRs')
    expect(parsed.quarter).toBe('2027 Q1')
  })

  it.each([
    ['an extra top-level key', { ...good, admin: true }, []],
    ['a missing title', { ...good, title: undefined }, ['title']],
    ['a blank title', { ...good, title: '   ' }, ['title']],
    ['a title over the limit', { ...good, title: 't'.repeat(MAX_TITLE_LENGTH + 1) }, ['title']],
    ['a title with a control character', { ...good, title: 'OKRs\u0007' }, ['title']],
    ['a malformed quarter', { ...good, quarter: 'Q1 2027' }, ['quarter']],
    ['a fifth quarter', { ...good, quarter: '2027 Q5' }, ['quarter']],
    ['two objectives', { ...good, objectiveCount: 2 }, ['objectiveCount']],
    ['objectives given as a string', { ...good, objectiveCount: '3' }, ['objectiveCount']],
    ['a missing value proposition', { ...good, mission: { ...good.mission, value: '' } }, ['mission', 'value']],
    ['a missing field', { ...good, mission: { ...good.mission, field: ' ' } }, ['mission', 'field']],
    ['an impact over the limit', { ...good, mission: { ...good.mission, impact: 'i'.repeat(201) } }, ['mission', 'impact']],
    ['no mission', { ...good, mission: undefined }, ['mission']],
  ])('refuses %s', (_label, body, path) => {
    const parsed = CreateMeetingRequest.safeParse(body)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(path)
  })
})

describe('ServerMessageSchema', () => {
  it('reads every kind of server message', () => {
    const messages = [
      { kind: 'reply', id: ID, ok: true, result: { stage: 'submit' } },
      { kind: 'reply', id: ID, ok: false, error: { code: 'forbidden', message: 'Only the facilitator can do that.' } },
      { kind: 'reply', id: null, ok: false, error: { code: 'bad_command', message: 'Invalid command.' } },
      { kind: 'notice', error: { code: 'update_refused', message: 'Read-only.' } },
      { kind: 'heartbeat', serverNow: 1_700_000_000_000 },
    ]
    for (const m of messages) expect(ServerMessageSchema.safeParse(m).success).toBe(true)
  })

  it('refuses an unknown error code or kind', () => {
    expect(ServerMessageSchema.safeParse({ kind: 'notice', error: { code: 'oops', message: 'x' } }).success).toBe(false)
    expect(ServerMessageSchema.safeParse({ kind: 'shout', text: 'hi' }).success).toBe(false)
    expect(ServerMessageSchema.safeParse({ kind: 'reply', id: ID, ok: false }).success).toBe(false)
  })
})

describe('app frames', () => {
  it('round-trips a command through the wire format (type 100, then one JSON string)', () => {
    const command = { id: ID, type: 'join', name: 'Zoë 李' }
    const frame = encodeAppMessage(command)
    const decoder = decoding.createDecoder(frame)
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_APP)
    expect(readAppPayload(decoder)).toEqual(command)
  })

  it('refuses trailing bytes after the command', () => {
    const frame = encodeAppMessage({ id: ID, type: 'stopTimer' })
    const decoder = decoding.createDecoder(new Uint8Array([...frame, 0]))
    decoding.readVarUint(decoder)
    expect(() => readAppPayload(decoder)).toThrow('Trailing bytes')
  })

  it('throws on text that is not JSON', () => {
    const bytes = new TextEncoder().encode('{not json')
    const decoder = decoding.createDecoder(new Uint8Array([bytes.length, ...bytes]))
    expect(() => readAppPayload(decoder)).toThrow()
  })
})

describe('fixes found by review', () => {
  it('refuses a join whose id is too short to be unguessable (its id is its replay key)', () => {
    expect(Command.safeParse({ id: 'j1', type: 'join', name: 'Ana' }).success).toBe(false)
    expect(Command.safeParse({ id: '0123456789abcdef012345', type: 'join', name: 'Ana' }).success).toBe(true)
  })
  it('refuses C1 controls and bidi overrides in names, and control characters in the mission impact', () => {
    expect(DisplayName.safeParse('Ana\u0085Lee').success).toBe(false)
    expect(DisplayName.safeParse('evil\u202egnp.exe').success).toBe(false)
    expect(DisplayName.safeParse('مريم').success).toBe(true)
    const mission = { value: 'help', field: 'software', impact: 'x\u0000y' }
    expect(CreateMeetingRequest.safeParse({ title: 'T', quarter: '2027 Q1', mission }).success).toBe(false)
  })
})
