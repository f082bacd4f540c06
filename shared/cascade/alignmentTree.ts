import type { ConfidenceBand } from '../keyResults/confidenceBand.ts'
import type { ConfidenceCheckIn } from '../rhythm/rhythmTypes.ts'
import type { CascadeObjective, CompanySet, ConfirmationStatus, DepartmentSet, PersonalObjective, UpwardLink } from './cascadeTypes.ts'
import { rollUpConfidence } from './rollUpConfidence.ts'

export type AlignmentLevel = 'company' | 'department' | 'personal'

export interface AlignmentNode {
  level: AlignmentLevel
  id: string
  title: string
  /** The company (''), the department, or the person. */
  owner: string
  /** When the link is to a key result rather than the objective itself: which one. */
  viaKeyResult: { id: string; statement: string } | null
  /** Worst-of roll-up of its key results (see rollUpConfidence). */
  colour: ConfidenceBand | null
  /** Department objectives: where their set stands with the CEO. */
  confirmation: ConfirmationStatus | null
  children: AlignmentNode[]
}

export interface AlignmentTree {
  /** Company objectives, each with the department objectives under it, each with the personal ones under it. */
  roots: AlignmentNode[]
  /** Department and personal objectives whose link is missing or points nowhere: shown apart, never dropped. */
  unaligned: AlignmentNode[]
}

/**
 * The alignment view: company objectives → department objectives that support them (directly or through one of
 * their key results) → optional personal objectives. Sets in every confirmation state are included, with their state;
 * the view decides what to hide. A personal objective may link to a department OKR or straight to a company one.
 */
export function alignmentTree(
  company: CompanySet,
  departments: readonly DepartmentSet[],
  personal: readonly PersonalObjective[] = [],
  history: readonly ConfidenceCheckIn[] = [],
): AlignmentTree {
  const node = (level: AlignmentLevel, o: CascadeObjective, owner: string, confirmation: ConfirmationStatus | null): AlignmentNode => ({
    level,
    id: o.id,
    title: o.title,
    owner,
    viaKeyResult: null,
    colour: rollUpConfidence(o.keyResults, history).colour,
    confirmation,
    children: [],
  })
  const objectives = new Map<string, AlignmentNode>()
  const keyResults = new Map<string, { parent: AlignmentNode; statement: string }>()
  const register = (n: AlignmentNode, o: CascadeObjective) => {
    objectives.set(o.id, n)
    for (const kr of o.keyResults) if (!keyResults.has(kr.id)) keyResults.set(kr.id, { parent: n, statement: kr.statement })
  }
  const unaligned: AlignmentNode[] = []
  const resolve = (link: UpwardLink | null): { parent: AlignmentNode; via: AlignmentNode['viaKeyResult'] } | null => {
    if (link === null) return null
    if (link.kind === 'objective') {
      const parent = objectives.get(link.id)
      return parent ? { parent, via: null } : null
    }
    const kr = keyResults.get(link.id)
    return kr ? { parent: kr.parent, via: { id: link.id, statement: kr.statement } } : null
  }
  const attach = (child: AlignmentNode, link: UpwardLink | null): AlignmentNode => {
    const target = resolve(link)
    if (target) {
      child.viaKeyResult = target.via
      target.parent.children.push(child)
    } else unaligned.push(child)
    return child
  }

  const roots = company.objectives.map((o) => {
    const n = node('company', o, '', null)
    register(n, o)
    return n
  })
  // Levels come from the order of registration: department objectives are attached while only company OKRs are known
  // (so one never hangs under another), then registered for the personal ones. A department id never shadows a
  // company one, and personal objectives are never registered, so nothing hangs under them.
  const departmentNodes: [AlignmentNode, CascadeObjective][] = []
  for (const set of departments)
    for (const o of set.objectives) departmentNodes.push([attach(node('department', o, set.department, set.confirmation.status), o.supports), o])
  for (const [n, o] of departmentNodes) if (!objectives.has(o.id)) register(n, o)
  for (const p of personal) attach(node('personal', p, p.person, null), p.supports)
  return { roots, unaligned }
}
