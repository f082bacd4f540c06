/** The languages a mission's frame ("We … in …") can be written in; chosen when the meeting is created. */
export const MISSION_LANGUAGES = ['en', 'es'] as const
export type MissionLanguage = (typeof MISSION_LANGUAGES)[number]

/** DOMAIN.md's mission form: "We (value proposition) in (field or industry) (improving lives in what way)." */
export interface Mission {
  value: string
  field: string
  impact: string
  /**
   * The language the facilitator wrote the three parts in, so the frame around them matches their words on every
   * screen (a Spanish mission reads "Nosotros … en …" even on an English page). Meetings from before this field
   * existed are English.
   */
  language?: MissionLanguage
}

const FRAMES: Record<MissionLanguage, { we: string; in: string }> = {
  en: { we: 'We', in: 'in' },
  es: { we: 'Nosotros', in: 'en' },
}

export function assembleMission(mission: Mission): string {
  const frame = FRAMES[mission.language ?? 'en']
  const field = mission.field.trim()
  const parts = [mission.value.trim(), field && `${frame.in} ${field}`, mission.impact.trim()].filter((part) => part.length > 0)
  if (parts.length === 0) return ''
  const sentence = `${frame.we} ${parts.join(' ')}`
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}
