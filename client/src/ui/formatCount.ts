const numberFormat = new Intl.NumberFormat('en')

/** "1,040" — counts are read from across a room, so they get separators. */
export function formatCount(n: number): string {
  return numberFormat.format(n)
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
