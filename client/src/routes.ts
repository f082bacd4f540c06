export type Route =
  | { page: 'create' }
  | { page: 'meeting'; meetingId: string }
  | { page: 'facilitate'; meetingId: string }
  | { page: 'screen'; meetingId: string }
  | { page: 'published'; meetingId: string }
  | { page: 'alignment'; meetingId: string }
  | { page: 'plenary'; meetingId: string }
  /** A team space (weekly rhythm): /t/<teamId>…, parsed by the lazily loaded feature itself. */
  | { page: 'team'; pathname: string }
  | { page: 'notFound' }

const PUBLISHED = /^\/p\/([A-Za-z0-9_-]{10,64})\/?$/
const ALIGNMENT = /^\/p\/([A-Za-z0-9_-]{10,64})\/alignment\/?$/
const PLENARY = /^\/p\/([A-Za-z0-9_-]{10,64})\/present\/?$/
const MEETING = /^\/m\/([A-Za-z0-9_-]{10,64})(?:\/(facilitate|screen))?\/?$/

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'create' }
  if (pathname.startsWith('/t/')) return { page: 'team', pathname }
  const published = PUBLISHED.exec(pathname)
  if (published) return { page: 'published', meetingId: published[1] as string }
  const alignment = ALIGNMENT.exec(pathname)
  if (alignment) return { page: 'alignment', meetingId: alignment[1] as string }
  const plenary = PLENARY.exec(pathname)
  if (plenary) return { page: 'plenary', meetingId: plenary[1] as string }
  const match = MEETING.exec(pathname)
  if (!match) return { page: 'notFound' }
  const meetingId = match[1] as string
  if (match[2] === 'facilitate') return { page: 'facilitate', meetingId }
  if (match[2] === 'screen') return { page: 'screen', meetingId }
  return { page: 'meeting', meetingId }
}

export function meetingPath(meetingId: string): string {
  return `/m/${meetingId}`
}
