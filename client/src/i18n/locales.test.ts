import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createInstance, type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import en from './locales/en.json'
import es from './locales/es.json'
import { matchServerMessage, translateServerLabel, translateServerMessage } from './serverMessages.ts'
import { canGroup } from '../../../shared/board/canGroup.ts'
import { setDots } from '../../../shared/voting/voteRules.ts'

type Messages = { [key: string]: string | Messages }

function leaves(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value)
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

const EN = leaves(en)
const ES = leaves(es)

/** Messages that read the same in both languages: names, numbers and units, and words Spanish borrows. */
const SAME_IN_BOTH = new Set(['common.quarterdeck', 'facilitator.minutesPreset', 'suggest.report', 'team.minutes', 'team.plan'])
const isLanguageFree = (text: string) => !/[A-Za-z]{3,}/.test(text.replace(/\{\{[^}]*\}\}|<[^>]*>/g, ''))
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()
const tags = (text: string) => [...text.matchAll(/<\/?(\w+)/g)].map((m) => m[1]).sort()

describe('the message files', () => {
  it('have the same keys in English and Spanish', () => {
    expect([...ES.keys()].filter((k) => !EN.has(k))).toEqual([])
    expect([...EN.keys()].filter((k) => !ES.has(k))).toEqual([])
  })

  it('have every Spanish message translated (not the English text left in place)', () => {
    const untranslated = [...EN].filter(([key, text]) => ES.get(key) === text && !SAME_IN_BOTH.has(key) && !isLanguageFree(text)).map(([key]) => key)
    expect(untranslated).toEqual([])
  })

  it('keep the same placeholders and markup in a translation', () => {
    for (const [key, text] of EN) {
      const translated = ES.get(key) ?? ''
      expect({ key, names: placeholders(translated) }).toEqual({ key, names: placeholders(text) })
      expect({ key, tags: tags(translated) }).toEqual({ key, tags: tags(text) })
    }
  })
})

/** Every .ts file of the server and the shared rules, where refusals are written. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : []
  })
}

describe('server refusals in the UI language', () => {
  const spanish = async () => {
    const i18n = createInstance()
    await i18n.init({ lng: 'es', fallbackLng: 'en', resources: { en: { translation: en }, es: { translation: es } }, interpolation: { escapeValue: false } })
    return i18n.t.bind(i18n) as TFunction
  }

  it('know only sentences the server can still send (no stale catalogue entry)', () => {
    const root = join(import.meta.dirname, '../../..')
    const code = [...sources(join(root, 'server')), ...sources(join(root, 'shared'))].join('\n')
    const literal = (template: string) => template.split(/\{\{\w+\}\}/).sort((a, b) => b.length - a.length)[0] ?? ''
    // Sentences the rules assemble from pieces (one template each way here): checked by their first words only.
    const assembled: Record<string, string> = { healthCountOne: 'health indicators (there ', healthCount: 'health indicators (there ' }
    const stale = Object.entries({ ...en.server, ...en.boardLabel, ...en.auditAction, ...en.pitfall })
      .filter(([key]) => key !== 'unknown')
      .map(([key, template]): [string, string] => [key, assembled[key] ?? template])
      .filter(([, template]) => !code.includes(literal(template)))
    expect(stale).toEqual([])
  })

  it('translate a rule’s refusal, with the number the server put in', async () => {
    const t = await spanish()
    const refused = canGroup({ role: 'anonymous' } as never, 'group', { grouping: 'everyone', helperIds: [] } as never, 1)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(translateServerMessage(t, { code: refused.code, message: refused.reason }, 'es')).toBe('Primero únete a la reunión.')
    expect(matchServerMessage('You have 5 dots in all; take one off another candidate first.')).toEqual({ key: 'overBudget', values: { n: '5' } })
    expect(translateServerMessage(t, { code: 'limit_reached', message: 'You have 5 dots in all; take one off another candidate first.' }, 'es')).toBe(
      'Tienes 5 puntos en total; quita uno de otro candidato primero.',
    )
  })

  it('falls back to the code’s sentence for an unknown refusal, never to English on a Spanish page', async () => {
    const t = await spanish()
    expect(translateServerMessage(t, { code: 'conflict', message: 'Something new the catalogue does not know.' }, 'es')).toBe(
      'Alguien ha cambiado esto a la vez; vuelve a mirar e inténtalo de nuevo.',
    )
    expect(translateServerMessage(t, { message: 'No code and unknown.' }, 'es')).toBe('Algo ha fallado. Inténtalo de nuevo.')
    expect(translateServerMessage(t, { code: 'conflict', message: 'Something new the catalogue does not know.' }, 'en')).toBe(
      'Something new the catalogue does not know.',
    )
  })

  it('translates board labels and audit actions, keeping the participants’ own titles', async () => {
    const t = await spanish()
    expect(translateServerLabel(t, 'Undid: Moved “Faster onboarding” to “Growth”', 'boardLabel')).toBe('Deshecho: Movida «Faster onboarding» a «Growth»')
    expect(translateServerLabel(t, 'hid a card', 'auditAction')).toBe('ocultó una tarjeta')
    expect(translateServerLabel(t, 'Pricing test works', 'boardLabel')).toBe('Pricing test works')
  })

  it('knows every refusal a ballot can meet', () => {
    const settings = { budget: 2, perCandidateCap: 1, isOwnVoteForbidden: true, isSpendAllReminded: false }
    const mine = { id: 'a', title: 'A', authorIds: ['me'] }
    const other = { id: 'b', title: 'B', authorIds: ['you'] }
    const results = [
      setDots({}, undefined, 1, settings, 'me'),
      setDots({}, other as never, 1.5, settings, 'me'),
      setDots({}, mine as never, 1, settings, 'me'),
      setDots({}, other as never, 2, settings, 'me'),
      setDots({ c: 2 }, other as never, 1, settings, 'me'),
    ]
    for (const r of results) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect({ reason: r.reason, known: matchServerMessage(r.reason) !== null }).toEqual({ reason: r.reason, known: true })
    }
  })
})
