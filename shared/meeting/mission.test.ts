import { describe, expect, it } from 'vitest'
import { assembleMission } from './mission.ts'

describe('assembleMission', () => {
  it('builds the sentence "We (value) in (field) (impact)."', () => {
    expect(assembleMission({ value: 'help teams decide', field: 'software', impact: 'so work means something' })).toBe(
      'We help teams decide in software so work means something.',
    )
  })

  it('leaves the impact out when it is empty', () => {
    expect(assembleMission({ value: 'build bikes', field: 'urban transport', impact: '' })).toBe('We build bikes in urban transport.')
  })

  it('leaves "in" out when there is no field', () => {
    expect(assembleMission({ value: 'build bikes', field: '', impact: 'for cleaner cities' })).toBe('We build bikes for cleaner cities.')
  })

  it('trims the value and the impact', () => {
    expect(assembleMission({ value: '  build bikes ', field: 'transport', impact: '  for everyone  ' })).toBe('We build bikes in transport for everyone.')
    expect(assembleMission({ value: 'build bikes', field: 'transport', impact: '   ' })).toBe('We build bikes in transport.')
  })

  it('keeps a sentence that already ends with punctuation as it is', () => {
    expect(assembleMission({ value: 'make people smile', field: 'games', impact: 'every day!' })).toBe('We make people smile in games every day!')
    expect(assembleMission({ value: 'ask', field: 'research', impact: 'why?' })).toBe('We ask in research why?')
    expect(assembleMission({ value: 'ship', field: 'logistics', impact: 'on time.' })).toBe('We ship in logistics on time.')
  })

  it('is empty when nothing is filled in', () => {
    expect(assembleMission({ value: '', field: '', impact: '' })).toBe('')
    expect(assembleMission({ value: ' ', field: '', impact: '  ' })).toBe('')
  })
})

describe('assembleMission with untrimmed input', () => {
  it('trims the field before joining it, so a blank field leaves no dangling "in"', () => {
    expect(assembleMission({ value: 'help', field: '   ', impact: '' })).toBe('We help.')
    expect(assembleMission({ value: 'help', field: ' software ', impact: '' })).toBe('We help in software.')
  })

  it('frames a Spanish mission in Spanish, whatever language the page is in', () => {
    expect(assembleMission({ value: 'ayudamos a pequeñas tiendas a vender online', field: 'software para comercios', impact: '', language: 'es' })).toBe(
      'Nosotros ayudamos a pequeñas tiendas a vender online en software para comercios.',
    )
    expect(assembleMission({ value: 'build bikes', field: 'transport', impact: '', language: 'en' })).toBe('We build bikes in transport.')
  })
})
