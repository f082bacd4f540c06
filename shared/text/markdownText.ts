/**
 * Text from people goes into Markdown as text. Only what a CommonMark/GFM reader would take as markup is escaped, so
 * ordinary sentences stay readable in the raw file ("Part-Dieu", "2027-03-31", "+12%", "better." are left alone).
 * Line breaks fold to spaces (a cell or bullet stays on one line). The result is safe anywhere inline: in a table
 * cell, after a list marker or a heading's `#`, inside a sentence.
 */
export function markdownText(text: string): string {
  const folded = text.replace(/\s*\n\s*/g, ' ').trim()
  return escapeLineStart(escapeInline(folded))
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
const WORD_CHAR = /[\p{L}\p{N}]/u
const EMPHASIS_CHARS = new Set(['*', '_', '~'])

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch)
}

/**
 * A delimiter run (`*`, `_`, `~`) matters only if it can open or close emphasis/strikethrough: a run with spaces on
 * both sides ("4 * 5") cannot, nor can an intraword underscore ("snake_case").
 */
function canDelimit(ch: string, before: string | undefined, after: string | undefined): boolean {
  if (isSpace(before) && isSpace(after)) return false
  if (ch === '_' && before !== undefined && after !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(after)) return false
  return true
}

/** Tildes strike through only in pairs; "~5 days" alone stays as written. */
function hasTildePair(text: string): boolean {
  let runs = 0
  for (const match of text.matchAll(/~+/g)) if (canDelimit('~', text[match.index - 1], text[match.index + match[0].length])) runs++
  return runs >= 2
}

function escapeInline(text: string): string {
  const escapeTildes = hasTildePair(text)
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (EMPHASIS_CHARS.has(ch)) {
      let end = i
      while (text[end] === ch) end++
      const run = text.slice(i, end)
      out += canDelimit(ch, text[i - 1], text[end]) && (ch !== '~' || escapeTildes) ? run.replace(/./g, '\\$&') : run
      i = end
      continue
    }
    const next = text[i + 1]
    if (ch === '\\') out += next === undefined || ASCII_PUNCTUATION.test(next) ? '\\\\' : '\\'
    else if (ch === '`' || ch === '|' || ch === '[' || ch === ']') out += `\\${ch}`
    // `<b>`, `</x>`, `<!--`, `<?`, autolinks `<https://…>`; "< 5 %" stays as it is.
    else if (ch === '<') out += next !== undefined && /[A-Za-z/!?]/.test(next) ? '\\<' : '<'
    // Entity references (`&amp;`, `&#169;`) would be decoded; "R&D" stays.
    else if (ch === '&') out += /^&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.test(text.slice(i)) ? '\\&' : '&'
    else out += ch
    i++
  }
  return out
}

/** Block constructs only start a line: a heading, quote, list item, thematic break, setext underline. */
function escapeLineStart(text: string): string {
  const isBlockStart =
    /^#{1,6}(\s|$)/.test(text) || // ATX heading
    text.startsWith('>') || // block quote
    text.startsWith('~~~') || // code fence
    /^[-+*](\s|$)/.test(text) || // bullet list item
    /^([-*_])(\s*\1){2,}\s*$/.test(text) || // thematic break
    /^(=+|-+)\s*$/.test(text) // setext underline
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(text)
  const start = isBlockStart ? `\\${text}` : ordered ? `${ordered[1]}\\${text.slice((ordered[1] as string).length)}` : text
  // A heading drops a closing run of `#` after a space ("Be number one #").
  return start.replace(/(\s)(#+)$/, (_, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`)
}
