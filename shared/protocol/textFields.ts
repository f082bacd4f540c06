import { z } from 'zod'
import { hasLoneSurrogate, hasVisibleCharacter, normaliseText } from '../text/cleanText.ts'
import { MAX_COMMAND_ID_LENGTH } from './limits.ts'

/**
 * C0/C1 control characters break layouts and logs; bidi overrides and isolates make a name display as something
 * else ("evil‮gnp.exe"). Right-to-left text itself is fine.
 */
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const FORBIDDEN_IN_PARAGRAPH = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/** What every text field refuses, after normalising: control characters, broken characters. */
const cleanText = (max: number, label: string, forbidden: RegExp) =>
  z
    .string()
    .max(max, `${label} is at most ${max} characters.`)
    .refine((s) => !forbidden.test(s), `${label} contains control characters.`)
    .refine((s) => !hasLoneSurrogate(s), `${label} contains a broken character.`)

/** One trimmed line (newlines become spaces) with at least one visible character. */
export const singleLine = (max: number, label: string) =>
  z
    .string()
    .transform((s) => normaliseText(s).replace(/\s+/g, ' ').trim())
    .pipe(
      cleanText(max, label, FORBIDDEN_IN_LINE)
        .refine((s) => s.length > 0, `${label} is required.`)
        .refine(hasVisibleCharacter, `${label} needs at least one visible letter, digit or emoji.`),
    )

/** One line that may be left empty; if given, it needs a visible character. */
export const optionalLine = (max: number, label: string) =>
  z
    .string()
    .transform((s) => normaliseText(s).replace(/\s+/g, ' ').trim())
    .pipe(
      cleanText(max, label, FORBIDDEN_IN_LINE).refine((s) => s === '' || hasVisibleCharacter(s), `${label} needs at least one visible letter, digit or emoji.`),
    )

/** Multi-line text (a "why"), trimmed, without control characters other than newlines; may be empty. */
export const paragraph = (max: number, label: string) =>
  z
    .string()
    .transform((s) =>
      normaliseText(s)
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+/g, ' ')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(cleanText(max, label, FORBIDDEN_IN_PARAGRAPH))

/** A command's id: what makes it idempotent. */
export const commandId = z
  .string()
  .min(1)
  .max(MAX_COMMAND_ID_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'Command ids are [A-Za-z0-9_-].')

/** The id of a record in a doc (a card, a key result, a priority). */
export const recordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Malformed id.')

/** A bearer secret: a participant's token, an editor link's secret. */
export const secretToken = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Malformed token.')
