/** DOMAIN.md's mission form: "We (value proposition) in (field or industry) (improving lives in what way)." */
export interface Mission {
  value: string
  field: string
  impact: string
}

export function assembleMission(mission: Mission): string {
  const parts = [mission.value, mission.field && `in ${mission.field}`, mission.impact]
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
  if (parts.length === 0) return ''
  const sentence = `We ${parts.join(' ')}`
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}
