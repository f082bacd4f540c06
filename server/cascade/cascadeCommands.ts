import { cascadeMaps, type CascadeLink, type DepartmentEntry } from '../../shared/cascade/cascadeDoc.ts'
import type { Confirmation, PersonalObjective, UpwardLink } from '../../shared/cascade/cascadeTypes.ts'
import { checkAlignment } from '../../shared/cascade/checkAlignment.ts'
import { confirmDepartmentSet, sendBack, submitDepartmentSet, type CascadeActor } from '../../shared/cascade/departmentConfirmation.ts'
import { companySetOf, departmentSetOf } from '../../shared/cascade/departmentSetOf.ts'
import { addPersonalObjective as addPersonal, removePersonalObjective as removePersonal } from '../../shared/cascade/personalObjectives.ts'
import { describeLink } from '../../shared/cascade/supportOptions.ts'
import type { PublishedSet } from '../../shared/exports/publishedSet.ts'
import type { StageRecord } from '../../shared/meeting/meetingDoc.ts'
import type { ObjectiveDetails } from '../../shared/keyResults/keyResultTypes.ts'
import { checkPermission } from '../../shared/stages/permissions.ts'
import type { CommandContext, CommandHandler, Outcome } from '../meeting/commandTypes.ts'
import { refuse } from '../meeting/commandTypes.ts'
import { readField, readObjectives, writeField } from '../../shared/meeting/meetingFields.ts'

function linkOf(ctx: CommandContext): CascadeLink | null {
  return (cascadeMaps(ctx.doc).cascade.get('link') as CascadeLink | undefined) ?? null
}

function supportsOf(ctx: CommandContext): Record<string, UpwardLink> {
  return (cascadeMaps(ctx.doc).cascade.get('supports') as Record<string, UpwardLink> | undefined) ?? {}
}

function confirmationOf(ctx: CommandContext): Confirmation {
  return (cascadeMaps(ctx.doc).cascade.get('confirmation') as Confirmation | undefined) ?? { status: 'draft' }
}

function personalOf(ctx: CommandContext): PersonalObjective[] {
  return (cascadeMaps(ctx.doc).cascade.get('personal') as PersonalObjective[] | undefined) ?? []
}

const notDepartment = () => refuse('conflict', 'This is not a department meeting: it is not linked to a company OKR set.')
const companyUnavailable = () => refuse('internal', 'The company meeting cannot be reached right now; try again in a moment.')

function actorOf(ctx: CommandContext): CascadeActor {
  return {
    id: ctx.actor.role === 'anonymous' ? '' : ctx.actor.participantId,
    // The company meeting's facilitator is its CEO: only they confirm or send back department sets.
    isCeo: ctx.actor.role === 'facilitator',
  }
}

/** A department objective names the company objective or key result it supports (null clears it). */
export const linkObjective: CommandHandler<'linkObjective'> = (ctx, command) => {
  const link = linkOf(ctx)
  if (!link) return notDepartment()
  const allowed = checkPermission(ctx.actor, 'linkObjective', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (!ctx.maps.objectiveDetails.has(command.objectiveId)) return refuse('not_found', 'That objective is not one the vote chose.')
  if (command.supports && !describeLink(link.company.objectives, command.supports)) {
    return refuse('not_found', `That is not an objective or key result of the company’s ${link.company.quarter} set.`)
  }
  const supports = { ...supportsOf(ctx) }
  if (command.supports) supports[command.objectiveId] = { kind: command.supports.kind, id: command.supports.id }
  else delete supports[command.objectiveId]
  cascadeMaps(ctx.doc).cascade.set('supports', supports)
  return { ok: true, result: {} }
}

/** Before a department publishes: every objective links to the company set, and the company can receive it. */
export function refuseUnalignedPublish(ctx: CommandContext): Outcome<never> | null {
  const link = linkOf(ctx)
  if (!link) return null
  const objectives = readObjectives(ctx.maps.meeting)
  const details = ctx.maps.objectiveDetails.toJSON() as Record<string, ObjectiveDetails>
  const set = departmentSetOf({
    meetingId: '',
    department: link.department,
    quarter: readField(ctx.maps.meeting, 'record')?.quarter ?? '',
    objectives: objectives.map((o) => ({ id: o.id, title: details[o.id]?.title || o.title })),
    supports: supportsOf(ctx),
    confirmation: confirmationOf(ctx),
  })
  const problems = checkAlignment(companySetOf(link.company), set)
  if (problems.length) {
    return refuse('conflict', `Link every objective to the company OKR it supports before publishing. ${problems[0]?.message ?? ''}`.trim())
  }
  const status = set.confirmation.status
  if (status !== 'draft' && status !== 'sent_back') return refuse('conflict', 'This set is already with the CEO.')
  if (!ctx.otherMeeting(link.companyMeetingId)) return companyUnavailable()
  return null
}

/** After a department publishes: its set goes to the company meeting, 'submitted', for the CEO to confirm. */
export function submitToCompany(ctx: CommandContext): void {
  const link = linkOf(ctx)
  if (!link) return
  const published = readField(ctx.maps.meeting, 'published') as PublishedSet
  const chosen = readObjectives(ctx.maps.meeting)
  const set = departmentSetOf({
    meetingId: published.meetingId,
    department: link.department,
    quarter: published.quarter,
    objectives: published.objectives,
    supports: supportsOf(ctx),
    confirmation: confirmationOf(ctx),
  })
  const submitted = submitDepartmentSet(set, companySetOf(link.company), actorOf(ctx), ctx.now)
  const company = ctx.otherMeeting(link.companyMeetingId)
  // refuseUnalignedPublish checked both before anything changed; throwing here drops the whole command.
  if (!submitted.ok) throw new Error(`cascade submit refused after its check: ${submitted.reason}`)
  if (!company) throw new Error('company meeting vanished during the command')
  cascadeMaps(ctx.doc).cascade.set('confirmation', submitted.set.confirmation)
  const entry: DepartmentEntry = {
    ...submitted.set,
    published,
    publishedAt: published.publishedAt,
    dots: Object.fromEntries(chosen.map((o) => [o.id, o.dots])),
    personal: personalOf(ctx),
  }
  ctx.audit('submitted the set to the company', link.companyMeetingId)
  // The other meeting is written last: nothing after it can throw and leave it ahead of this one.
  company.write(() => cascadeMaps(company.doc).departments.set(published.meetingId, entry))
}

/** The CEO's decision on a department's set, written to both meetings in one commit. */
function decide(
  ctx: CommandContext,
  departmentMeetingId: string,
  decision: (entry: DepartmentEntry) => ReturnType<typeof confirmDepartmentSet>,
  auditAction: string,
) {
  if (ctx.actor.role === 'anonymous') return refuse('not_joined', 'Join the meeting first.')
  const departments = cascadeMaps(ctx.doc).departments
  const entry = departments.get(departmentMeetingId)
  if (!entry) return refuse('not_found', 'No department set from that meeting was submitted to this company set.')
  const result = decision(entry)
  if (!result.ok) return refuse(result.code === 'forbidden' ? 'forbidden' : 'conflict', result.reason)
  const department = ctx.otherMeeting(departmentMeetingId)
  if (!department) return refuse('internal', 'The department meeting cannot be reached right now; try again in a moment.')
  const confirmation = result.set.confirmation
  departments.set(departmentMeetingId, { ...entry, confirmation })
  ctx.audit(auditAction, `${entry.department} (${departmentMeetingId})`)
  // The other meeting is written last: nothing after it can throw and leave it ahead of this one.
  department.write(() => cascadeMaps(department.doc).cascade.set('confirmation', confirmation))
  return null
}

export const confirmDepartmentSetCommand: CommandHandler<'confirmDepartmentSet'> = (ctx, command) => {
  const refusal = decide(ctx, command.departmentMeetingId, (entry) => confirmDepartmentSet(entry, actorOf(ctx), ctx.now), 'confirmed a department set')
  if (refusal) return refusal
  return { ok: true, result: { status: 'confirmed' } }
}

export const sendBackDepartmentSet: CommandHandler<'sendBackDepartmentSet'> = (ctx, command) => {
  const refusal = decide(ctx, command.departmentMeetingId, (entry) => sendBack(entry, actorOf(ctx), command.comment, ctx.now), 'sent a department set back')
  if (refusal) return refusal
  return { ok: true, result: { status: 'sent_back' } }
}

/** A set the CEO sent back goes back to Key results for the department to edit, then publish (submit) again. */
export const reopenDepartmentSet: CommandHandler<'reopenDepartmentSet'> = (ctx) => {
  const allowed = checkPermission(ctx.actor, 'changeStage', ctx.stage)
  if (!allowed.ok) return refuse(allowed.code, allowed.reason)
  if (!linkOf(ctx)) return notDepartment()
  if (ctx.stage !== 'published') return refuse('wrong_stage', 'Only a published set is reopened.')
  if (confirmationOf(ctx).status !== 'sent_back') {
    return refuse('conflict', 'A set is reopened only after the CEO sent it back.')
  }
  const record: StageRecord = { stage: 'keyResults', startedAt: ctx.now }
  ctx.maps.meeting.set('stage', record)
  const history = readField(ctx.maps.meeting, 'stageHistory') ?? []
  ctx.maps.meeting.set('stageHistory', [...history, { stage: 'keyResults', startedAt: ctx.now }])
  if (readField(ctx.maps.meeting, 'timer')) writeField(ctx.maps.meeting, 'timer', null)
  ctx.audit('reopened the set', 'sent back by the CEO')
  return { ok: true, result: { stage: 'keyResults' } }
}

/** Personal OKRs are written on the company's copy too, so the alignment view shows them. */
function savePersonal(ctx: CommandContext, link: CascadeLink, list: PersonalObjective[]): Outcome<never> | null {
  const company = ctx.otherMeeting(link.companyMeetingId)
  if (!company) return companyUnavailable()
  cascadeMaps(ctx.doc).cascade.set('personal', list)
  const departments = cascadeMaps(company.doc).departments
  const entry = departments.get(readField(ctx.maps.meeting, 'record')?.id ?? '')
  if (entry) company.write(() => departments.set(entry.id, { ...entry, personal: list }))
  return null
}

function refuseUnlessPersonalEditor(ctx: CommandContext): Outcome<never> | null {
  const allowed = checkPermission(ctx.actor, 'recordPersonalOkrs', ctx.stage)
  return allowed.ok ? null : refuse(allowed.code, allowed.reason)
}

export const addPersonalObjective: CommandHandler<'addPersonalObjective'> = (ctx, command) => {
  const refusal = refuseUnlessPersonalEditor(ctx)
  if (refusal) return refusal
  const link = linkOf(ctx)
  if (!link) return notDepartment()
  const published = readField(ctx.maps.meeting, 'published')
  if (!published) return refuse('wrong_stage', 'Publish the department’s set first.')
  const personal: PersonalObjective = {
    id: ctx.newId(),
    person: command.person,
    title: command.title,
    supports: command.supports,
    keyResults: command.keyResults.map((kr) => ({ id: ctx.newId(), statement: kr.statement, owner: command.person, confidence: kr.confidence })),
  }
  const result = addPersonal(personalOf(ctx), personal, { department: published.objectives, company: link.company.objectives })
  if (!result.ok) return refuse(result.code, result.reason)
  const saved = savePersonal(ctx, link, result.list)
  if (saved) return saved
  return { ok: true, result: { personalId: personal.id } }
}

export const removePersonalObjective: CommandHandler<'removePersonalObjective'> = (ctx, command) => {
  const refusal = refuseUnlessPersonalEditor(ctx)
  if (refusal) return refusal
  const link = linkOf(ctx)
  if (!link) return notDepartment()
  const result = removePersonal(personalOf(ctx), command.personalId)
  if (!result.ok) return refuse(result.code, result.reason)
  const saved = savePersonal(ctx, link, result.list)
  if (saved) return saved
  return { ok: true, result: {} }
}
