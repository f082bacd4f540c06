import { stopwords as englishStopWords } from '@orama/stopwords/english'
import { stopwords as spanishStopWords } from '@orama/stopwords/spanish'
import { normalizeText } from './normalizeText.ts'

/**
 * Orama's Spanish list is built for web search and drops words that carry an objective's meaning
 * ("tiempo de respuesta", "nuevos clientes", "días de cobro", "uso de informes"): keep those.
 */
const KEPT_SPANISH_WORDS = [
  'tiempo',
  'trabajo',
  'trabajar',
  'empleo',
  'nuevo',
  'nueva',
  'nuevos',
  'nuevas',
  'mejor',
  'valor',
  'total',
  'pais',
  'horas',
  'dia',
  'dias',
  'uso',
  'usar',
  'cuenta',
  'grandes',
  'primer',
  'primera',
  'primero',
  'final',
  'modo',
  'ultimo',
]

/**
 * Words an objective wraps around its subject in either language: time boxes ("by Q3", "antes de
 * septiembre") and do-verbs ("achieve", "lograr") that say nothing about which objective it is.
 */
const OKR_FILLER_WORDS = [
  'q1',
  'q2',
  'q3',
  'q4',
  'h1',
  'h2',
  'fy',
  'eoy',
  'ytd',
  'quarter',
  'year',
  'month',
  'week',
  'trimestre',
  'ano',
  'mes',
  'semana',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'get',
  'make',
  'let',
  'ensure',
  'achieve',
  'reach',
  'hit',
  'lograr',
  'alcanzar',
  'obtener',
  'asegurar',
  'objective',
  'objetivo',
  'okr',
  'okrs',
]

const kept = new Set(KEPT_SPANISH_WORDS)

function folded(words: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const w of words) {
    for (const part of normalizeText(w).split(' ')) if (part !== '' && !kept.has(part)) out.add(part)
  }
  return out
}

/** English stop words, accent-folded and lower-case like normalizeText's output. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = folded([...englishStopWords, ...OKR_FILLER_WORDS])
/** Spanish stop words, accent-folded ("además" is stored as "ademas"). */
export const SPANISH_STOP_WORDS: ReadonlySet<string> = folded([...spanishStopWords, ...OKR_FILLER_WORDS])

/** Stop words of either language: one submission may mix both ("Reducir el churn in LATAM"). */
export function isStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word) || SPANISH_STOP_WORDS.has(word)
}
