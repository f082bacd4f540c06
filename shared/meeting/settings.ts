/** Facilitator settings that shape the Submit and Group stages. */
export interface MeetingSettings {
  /** How many objectives one person may propose (K). */
  maxSubmissionsPerPerson: number
  /** Off: people see how many proposals exist, not their text, until the Group stage. */
  isOpenSubmissions: boolean
  /** Who may move cards on the board. `auto`: everyone in small rooms, facilitators and helpers past 30 people. */
  grouping: 'auto' | 'everyone' | 'helpers'
  helperIds: string[]
  /**
   * `anonymous` (default): nobody but the facilitator can tell who proposed or supports a card; the people search
   * gives participants per-meeting aliases, never the ids on cards. `named`: the ids match, so authorship is traceable.
   */
  authorship: 'anonymous' | 'named'
  /** Locked: nobody new may join (people already in keep their seats). Against a flood of made-up joiners. */
  isJoinLocked: boolean
}

export const DEFAULT_SETTINGS: MeetingSettings = {
  maxSubmissionsPerPerson: 3,
  isOpenSubmissions: false,
  grouping: 'auto',
  helperIds: [],
  authorship: 'anonymous',
  isJoinLocked: false,
}

/** Past this many participants a board everyone can drag becomes chaos; `auto` hands it to helpers. */
export const AUTO_HELPERS_ONLY_ABOVE = 30

export function effectiveGrouping(settings: MeetingSettings, participantCount: number): 'everyone' | 'helpers' {
  if (settings.grouping !== 'auto') return settings.grouping
  return participantCount > AUTO_HELPERS_ONLY_ABOVE ? 'helpers' : 'everyone'
}
