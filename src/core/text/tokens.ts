import { stemmer } from 'stemmer';
import { IRREGULAR_FORMS, KEPT_WHOLE, NUMBER_WORDS, SPELLING_VARIANTS, STOP_WORDS, SYNONYM_OF } from './lexicon.ts';

const NON_ASCII = /[^\x00-\x7F]/;

/** Typographic variants folded to ASCII so matching ignores them (display text keeps the originals). */
export function foldTypography(text: string): string {
  // ASCII text has nothing to fold (most sentences): skip normalisation entirely.
  if (!NON_ASCII.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ');
}

export interface Token {
  /** Original surface form. */
  raw: string;
  /** Lower-cased, typography folded. */
  lower: string;
  /** Character offset in the folded text. */
  start: number;
}

// Words (with inner apostrophes, hyphens, dots of initialisms), numbers (with separators), money, percent.
const TOKEN_PATTERN =
  /\$?\d[\d,]*(?:\.\d+)?%?|[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F'-]*[A-Za-z\u00C0-\u024F])?(?:\.[A-Za-z](?=\.))*\.?|%/g;

/** Multi-word names and units folded to one token before matching, each with a cheap literal guard. */
const PHRASES: [guard: RegExp, pattern: RegExp, replacement: string][] = [
  [/United/, /\bUnited States(?: of America)?\b/g, 'US'],
  [/United/, /\bUnited Kingdom\b/g, 'UK'],
  [/cent/i, /\bper ?cent\b/gi, 'percent'],
  [/[xr]-/i, /\b(?:ex|former)-(?=[A-Za-z])/gi, 'former '],
];

export function tokenize(text: string): Token[] {
  let folded = foldTypography(text);
  for (const [guard, pattern, replacement] of PHRASES) {
    if (guard.test(folded)) folded = folded.replace(pattern, replacement);
  }
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(folded); match; match = TOKEN_PATTERN.exec(folded)) {
    let raw = match[0];
    // A trailing dot belongs to the word only for initialisms like "U.S."
    if (raw.endsWith('.') && !/^(?:[A-Za-z]\.){2,}$/.test(raw)) raw = raw.slice(0, -1);
    tokens.push({ raw, lower: raw.toLowerCase(), start: match.index });
  }
  return tokens;
}

/** Canonical numeric form: "2,000" → "2000", "$550" → "550", "two" → "2", "25%" → "25". */
export function numberValue(lower: string): string | undefined {
  const word = NUMBER_WORDS.get(lower);
  if (word) return word;
  const m = /^\$?(\d[\d,]*(?:\.\d+)?)%?$/.exec(lower);
  if (!m?.[1]) return undefined;
  return m[1].replace(/,/g, '').replace(/\.0+$/, '');
}

const stemCache = new Map<string, string>();

/**
 * The matching key of a word: spelling folded, stemmed, synonym family applied.
 * Returns undefined for stop words.
 */
export function termOf(lower: string): string | undefined {
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached || undefined;
  const term = computeTerm(lower);
  if (stemCache.size < 200_000) stemCache.set(lower, term ?? '');
  return term;
}

function computeTerm(lower: string): string | undefined {
  const number = numberValue(lower);
  if (number !== undefined) return `#${number}`;
  let word = lower.replace(/'s$/, '').replace(/\.$/, '');
  if (STOP_WORDS.has(word) || word.length < 2) return undefined;
  word = SPELLING_VARIANTS.get(word) ?? IRREGULAR_FORMS.get(word) ?? word;
  const family = SYNONYM_OF.get(word) ?? familyOfInflection(word);
  if (family) return familyKey(family);
  return KEPT_WHOLE.has(word) ? word : stemmer(word);
}

/**
 * A synonym family's key is not a stem: were it "develop", every word that merely stems to the
 * head ("development", an event) would join the family and its members ("manufacturing").
 */
function familyKey(head: string): string {
  return `${head}~`;
}

/**
 * The synonym family of an inflected form ("purchased", "duties", "negotiations", "cutting"):
 * the word with a regular ending undone must itself be a family member. Matching by stem instead
 * would join unrelated words that stem alike ("imports" and "important", "accordance" and "accord").
 */
function familyOfInflection(word: string): string | undefined {
  for (const base of uninflected(word)) {
    const family = SYNONYM_OF.get(base);
    if (family) return family;
  }
  return undefined;
}

function uninflected(word: string): string[] {
  const out: string[] = [];
  const strip = (suffix: string, add = '') => {
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length) + add);
  };
  strip('ies', 'y');
  strip('ied', 'y');
  strip('es');
  strip('s');
  strip('ed');
  strip('d');
  strip('ing');
  strip('ing', 'e');
  strip('ly');
  // A doubled final consonant: "cutting", "planned".
  for (const suffix of ['ing', 'ed']) {
    const stem = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && stem.length > 2 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
  }
  return out;
}

/** Content terms of a text, in order (duplicates kept). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = termOf(token.lower);
    if (term) out.push(term);
  }
  return out;
}
