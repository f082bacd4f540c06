import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { markdownText } from './markdownText.ts'

// markdown-it follows CommonMark plus GFM tables and strikethrough: what a reader of the export would see.
const reader = new MarkdownIt('commonmark').enable(['table', 'strikethrough'])

type Token = ReturnType<typeof reader.parse>[number]

/** The plain text a reader gets from one inline token, or null if the token is markup (a link, emphasis, HTML…). */
function inlineText(inline: Token): string | null {
  let text = ''
  for (const child of inline.children ?? []) {
    if (child.type !== 'text') return null
    text += child.content
  }
  return text
}

/** Renders `text` in each place the exports put people's text and returns what a reader sees there. */
function readBack(text: string): Record<string, string | null> {
  const escaped = markdownText(text)
  const seen: Record<string, string | null> = {}
  const paragraph = reader.parse(escaped, {})
  seen.paragraph = paragraph.length === 3 && paragraph[0]?.type === 'paragraph_open' ? inlineText(paragraph[1] as Token) : null
  const bullet = reader.parse(`- ${escaped}`, {})
  seen.bullet =
    bullet[0]?.type === 'bullet_list_open' && bullet[2]?.type === 'paragraph_open' && bullet[4]?.type === 'paragraph_close'
      ? inlineText(bullet[3] as Token)
      : null
  const heading = reader.parse(`## Objective 1: ${escaped}`, {})
  const headingText = heading[0]?.type === 'heading_open' && heading.length === 3 ? inlineText(heading[1] as Token) : null
  seen.heading = headingText?.startsWith('Objective 1: ') ? headingText.slice('Objective 1: '.length) : null
  const table = reader.parse(`| A | B |\n|---|---|\n| x | ${escaped} |`, {})
  const cells = table.filter((t) => t.type === 'inline')
  seen.cell = cells.length === 4 ? inlineText(cells[3] as Token) : null
  return seen
}

function expectReadAs(text: string, expected = text.replace(/\s*\n\s*/g, ' ').trim()) {
  const seen = readBack(text)
  for (const [place, value] of Object.entries(seen))
    expect({ place, value }).toEqual({ place, value: place === 'cell' || place === 'heading' ? expected.trim() : expected })
}

describe('markdownText', () => {
  it('leaves ordinary text alone', () => {
    for (const text of [
      'Part-Dieu',
      '2027-03-31',
      '+12%',
      'better.',
      'Grow revenue (EU) by 12 % in Q1!',
      'R&D',
      '4 * 5 = 20',
      'snake_case',
      'Café ó €',
      '< 5 % churn',
      'C:\\temp',
      '#1 in Lyon',
      '~5 days',
      'x > y',
    ])
      expect(markdownText(text)).toBe(text)
  })

  it('escapes what a Markdown reader would take as markup', () => {
    expect(markdownText('*Win* [link](x) | <b>')).toBe('\\*Win\\* \\[link\\](x) \\| \\<b>')
    expect(markdownText('# Heading')).toBe('\\# Heading')
    expect(markdownText('- item')).toBe('\\- item')
    expect(markdownText('1. first')).toBe('1\\. first')
    expect(markdownText('`code` and ~~gone~~ and __bold__')).toBe('\\`code\\` and \\~\\~gone\\~\\~ and \\_\\_bold\\_\\_')
    expect(markdownText('&amp; stays literal')).toBe('\\&amp; stays literal')
  })

  it('folds line breaks so a cell or bullet stays on one line', () => {
    expect(markdownText('one\n\ntwo')).toBe('one two')
  })

  it('reads back as the same text in a paragraph, a bullet, a heading and a table cell', () => {
    const samples = [
      '*Win* [link](x) | #1 <b>',
      '~one~',
      '~5 to ~7',
      '# Heading',
      '- item',
      '+ item',
      '* item',
      '1. first',
      '2) second',
      '---',
      '***',
      '___',
      '===',
      '> quote',
      '`code`',
      '~~gone~~',
      '__bold__',
      '_em_',
      '**strong**',
      '![img](x.png)',
      '<https://x.y>',
      '<!-- c -->',
      '&copy; &#169;',
      'end\\',
      'a\\*b',
      'Be number one #',
      'Part-Dieu',
      '2027-03-31',
      '+12%',
      'better.',
      'R&D',
      'snake_case',
      '4 * 5',
      '[ref]: https://x.y',
      '    indented',
      'tab\there',
    ]
    for (const text of samples) expectReadAs(text)
  })

  it('reads back as the same text for any mix of markup characters', () => {
    const alphabet = fc.constantFrom(...'*_~`[]()<>!#&|\\-+.=:;/ ab1\n'.split(''), '&amp;', '<b>', '1. ', '- ', 'é')
    fc.assert(
      fc.property(
        fc
          .array(alphabet, { maxLength: 24 })
          .map((parts) => parts.join(''))
          .filter((t) => t.trim() !== ''),
        (text) => {
          expectReadAs(text)
        },
      ),
      { numRuns: 3000, seed: 17 },
    )
  })
})
