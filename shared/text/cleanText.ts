/**
 * People's text (names, titles, whys) as the server stores it: one Unicode form, without characters that only hide or
 * reorder what is displayed. Real scripts (CJK, Arabic, Hangul, emoji with their joiners) pass untouched.
 */

/**
 * Characters with no glyph and no meaning in a name or a title, removed: bidi marks (LRM, RLM, ALM), zero-width space,
 * word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator, Hangul fillers (blank "letters"
 * used to fake an empty name), interlinear annotation controls and the object replacement character.
 */
const STRIPPED = /[\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2060-\u2064\u3164\ufeff\uffa0\ufff9-\ufffc]/g
/** Tag characters are invisible except inside an emoji tag sequence (🏴 + tags: the flags of Scotland, Wales…). */
const STRAY_TAGS = /(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0000}-\u{E007F}]/gu
/** A surrogate half without its partner: not a character at all; it breaks JSON, logs and exports downstream. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
/** What draws nothing on its own: spaces, format characters (ZWJ, ZWNJ), marks, variation selectors, the braille blank. */
const NOT_VISIBLE = /[\p{White_Space}\p{Cf}\p{M}\p{Cc}\u2800\u{E0000}-\u{E007F}]/gu

/** NFC, then the invisible characters removed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(STRIPPED, '').replace(STRAY_TAGS, '')
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text)
}

/** False for text made only of spaces, joiners, marks and other characters that draw nothing. */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(NOT_VISIBLE, '').length > 0
}
