/** DOMAIN.md's mission form: "We (value proposition) in (field or industry) (improving lives in what way)." */
export interface Mission {
  value: string
  field: string
  impact: string
}

export function assembleMission(mission: Mission): string {
  const field = mission.field.trim()
  const parts = [mission.value.trim(), field && `in ${field}`, mission.impact.trim()].filter((part) => part.length > 0)
  if (parts.length === 0) return ''
  const sentence = `We ${parts.join(' ')}`
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}
