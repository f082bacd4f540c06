import type { CascadeObjective, UpwardLink } from './cascadeTypes.ts'

export interface SupportOption {
  /** `objective:<id>` or `keyResult:<id>`: a select's value. */
  value: string
  label: string
  link: UpwardLink
  /** The objective it belongs to (itself for an objective), to group options. */
  objectiveId: string
}

export function encodeLink(link: UpwardLink | null): string {
  return link ? `${link.kind}:${link.id}` : ''
}

export function decodeLink(value: string): UpwardLink | null {
  const match = /^(objective|keyResult):([A-Za-z0-9_-]{1,64})$/.exec(value)
  return match ? { kind: match[1] as UpwardLink['kind'], id: match[2] as string } : null
}

const short = (text: string, max = 90) => {
  const t = text.trim().replace(/\s+/g, ' ')
  return t.length > max ? `${t.slice(0, max - 1)}…` : t || '(untitled)'
}

/**
 * What an OKR one level down can support: each objective, then each of its key results, numbered the way the
 * published page numbers them ("O1", "O1 · KR2").
 */
export function supportOptions(objectives: readonly CascadeObjective[]): SupportOption[] {
  return objectives.flatMap((o, i) => [
    {
      value: encodeLink({ kind: 'objective', id: o.id }),
      label: `O${i + 1}: ${short(o.title)}`,
      link: { kind: 'objective' as const, id: o.id },
      objectiveId: o.id,
    },
    ...o.keyResults.map((kr, j) => ({
      value: encodeLink({ kind: 'keyResult', id: kr.id }),
      label: `O${i + 1} · KR${j + 1}: ${short(kr.statement)}`,
      link: { kind: 'keyResult' as const, id: kr.id },
      objectiveId: o.id,
    })),
  ])
}

/** The option a link points at, or null when it points nowhere in these objectives. */
export function describeLink(objectives: readonly CascadeObjective[], link: UpwardLink | null): SupportOption | null {
  if (!link) return null
  return supportOptions(objectives).find((o) => o.link.kind === link.kind && o.link.id === link.id) ?? null
}
