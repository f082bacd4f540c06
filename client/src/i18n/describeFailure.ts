import i18next from './i18n.ts'
import { CommandFailure } from '../../../shared/client/MeetingClient.ts'
import { translateServerMessage } from './serverMessages.ts'

/**
 * What to tell the person when a command or request failed, in the UI's language. `onlyRefusals`: an error that is
 * not the server's refusal (a dropped socket, a bug) gets the general "Something went wrong" instead of its text.
 */
export function describeFailure(error: unknown, onlyRefusals = false): string {
  const t = i18next.t.bind(i18next)
  const language = i18next.resolvedLanguage ?? 'en'
  if (error instanceof CommandFailure) return translateServerMessage(t, error, language)
  if (!onlyRefusals && error instanceof Error && error.message) return translateServerMessage(t, { message: error.message }, language)
  return t('server.unknown')
}
