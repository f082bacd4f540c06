import { describe, expect, it } from 'vitest'
import { DisplayName, Command } from '../protocol/messages.ts'
import { isImpersonatingName } from './isImpersonatingName.ts'

const refusal = (name: string) => {
  const parsed = DisplayName.safeParse(name)
  return parsed.success ? null : parsed.error.issues[0]?.message
}

describe('names and titles from people (issue 15, input)', () => {
  it('stores one Unicode form: a decomposed "José" equals the composed one (NFC)', () => {
    expect(DisplayName.parse('Jose\u0301')).toBe('José')
  })

  it.each([
    ['a lone zero-width space', '\u200b'],
    ['left-to-right and right-to-left marks', '\u200e\u200f'],
    ['the Arabic letter mark', '\u061c'],
    ['the Hangul filler', '\u3164'],
    ['tag characters', '\u{E0041}\u{E0042}'],
    ['an interlinear annotation anchor', '\ufff9'],
    ['a zero-width joiner and a combining mark', '\u200d\u0301'],
    ['the braille blank', '\u2800'],
  ])('refuses a name made only of %s', (_case, name) => {
    expect(refusal(name)).toMatch(/is required|needs at least one visible/)
  })

  it('strips reordering and invisible characters from inside a name', () => {
    expect(DisplayName.parse('Ana\u200e Lee\u200b\ufff9')).toBe('Ana Lee')
    expect(DisplayName.parse('\u3164Bo')).toBe('Bo')
  })

  it('refuses a lone surrogate', () => {
    expect(refusal('Ana\ud800')).toMatch(/broken character/)
    expect(refusal('\udc00Lee')).toMatch(/broken character/)
  })

  it.each([
    'Facilitator',
    'FACILITATOR',
    ' facilitator ',
    'Fаcilitator' /* Cyrillic а */,
    'Ana (facilitator)',
    'Facilitator Ana',
    'Ｆａｃｉｌｉｔａｔｏｒ',
    'Admin',
    'Quarterdeck',
    'F.a.c.i.l.i.t.a.t.o.r',
  ])('refuses the impersonating name %j with a clear message', (name) => {
    expect(refusal(name)).toMatch(/kept for the meeting’s staff/)
  })

  it.each(['李小龙', 'محمد عبد الله', 'Ольга', '김민준', '👩‍🚀 Sam', '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Eilidh', 'Hostetler', 'Adminah', 'José Álvarez', 'میرزا‌علی' /* with a ZWNJ */])(
    'keeps the real name %j',
    (name) => {
      expect(DisplayName.parse(name)).toBe(name.normalize('NFC'))
      expect(isImpersonatingName(name)).toBe(false)
    },
  )

  it('applies the same cleaning to objective titles and whys (but a title may say "facilitator")', () => {
    const parsed = Command.parse({ id: 'c1', type: 'submitObjective', title: 'Train every facilitator\u200f', why: 'Cafe\u0301\u200b' })
    expect(parsed).toMatchObject({ title: 'Train every facilitator', why: 'Café' })
    expect(Command.safeParse({ id: 'c1', type: 'submitObjective', title: '\u200b\u3164', why: '' }).success).toBe(false)
  })
})
