import { currentLocale } from '../i18n/i18n.ts'

const formats = new Map<string, Intl.NumberFormat>()

/** "1,040" (English), "1040" / "10.000" (Spanish) — counts are read from across a room, in the room's language. */
export function formatCount(n: number): string {
  const locale = currentLocale()
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    formats.set(locale, format)
  }
  return format.format(n)
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
