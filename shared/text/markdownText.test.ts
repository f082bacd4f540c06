import { describe, expect, it } from 'vitest'
import { markdownText } from './markdownText.ts'

describe('markdownText', () => {
  it('escapes characters that would become markup', () => {
    expect(markdownText('*Win* [link](x) | #1 <b>')).toBe('\\*Win\\* \\[link\\]\\(x\\) \\| \\#1 \\<b\\>')
  })
  it('folds line breaks so a cell or bullet stays on one line', () => {
    expect(markdownText('one\n\ntwo')).toBe('one two')
  })
  it('leaves plain words alone', () => {
    expect(markdownText('Team morale')).toBe('Team morale')
  })
})
