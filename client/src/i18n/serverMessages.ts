import type { TFunction } from 'i18next'
import en from './locales/en.json'

/**
 * Server refusals arrive as { code, message } with the message in English (logs, the HTTP API and other clients read
 * it). The UI shows them in its own language: each English sentence the server can send has a key under `server.*`
 * in the message files, and the English text doubles as the pattern that recognises it (`{{n}}` matches the number or
 * name the server put in). A sentence with no key falls back to the code's general sentence under `errors.*`, so a
 * Spanish page never shows an English refusal, at worst a less specific one.
 */
interface Pattern {
  key: string
  names: string[]
  regex: RegExp
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function compile(key: string, template: string): Pattern {
  const names: string[] = []
  const source = template
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1]
      if (!name) return escapeRegExp(part)
      names.push(name)
      return '(.+?)'
    })
    .join('')
  return { key, names, regex: new RegExp(`^${source}$`) }
}

type Section = 'server' | 'boardLabel' | 'auditAction' | 'pitfall'
const SECTIONS: Record<Section, Pattern[]> = {
  server: Object.entries(en.server).map(([key, template]) => compile(key, template)),
  boardLabel: Object.entries(en.boardLabel).map(([key, template]) => compile(key, template)),
  auditAction: Object.entries(en.auditAction).map(([key, template]) => compile(key, template)),
  pitfall: Object.entries(en.pitfall).map(([key, template]) => compile(key, template)),
}

/** The key and values of an English sentence from the server in one catalogue section, or null if it is not known. */
export function matchServerMessage(message: string, section: Section = 'server'): { key: string; values: Record<string, string> } | null {
  const text = message.trim()
  for (const p of SECTIONS[section]) {
    const m = p.regex.exec(text)
    if (m) return { key: p.key, values: Object.fromEntries(p.names.map((name, i) => [name, m[i + 1] ?? ''])) }
  }
  return null
}

/**
 * A label made by the server or a shared rule (a board move such as "Moved “A” to “B”", an audit action such as "hid
 * a card", a pitfall or alignment warning) in the UI's language; an unknown one is shown as written.
 */
export function translateServerLabel(t: TFunction, text: string, section: 'boardLabel' | 'auditAction' | 'pitfall'): string {
  const known = matchServerMessage(text, section)
  if (!known) return text
  // "Undid: <label>" nests a label.
  const values = section === 'boardLabel' && known.key === 'undid' ? { what: translateServerLabel(t, known.values.what ?? '', section) } : known.values
  return t(`${section}.${known.key}`, values)
}

const isCode = (code: string | undefined): code is keyof typeof en.errors => code !== undefined && code in en.errors

/** A refusal in the UI's language: its own sentence when known, else the code's sentence, else (English only) the text. */
export function translateServerMessage(t: TFunction, error: { code?: string; message: string }, language: string): string {
  const known = matchServerMessage(error.message)
  if (known) return t(`server.${known.key}`, known.values)
  if (language.startsWith('en')) return error.message
  return isCode(error.code) ? t(`errors.${error.code}`) : t('server.unknown')
}
