/**
 * Sentence segmentation for news text. Handles abbreviations (Mr., Oct., U.S.), decimals,
 * initials, ellipses and closing quotes/brackets after the terminal punctuation.
 */

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vs etc inc corp ltd co plc llc dept univ est approx fig vol pp ed eds al cf e.g i.e
mt ft ave blvd rd mln bn`.split(/\s+/),
);

/** Words that, capitalised after an initialism's dot, almost always start a new sentence. */
const SENTENCE_STARTERS = new Set(
  `the a an he she it they we i this that these those there but and however in on at after
before when while as if his her their its our meanwhile yet so`.split(/\s+/),
);

const CLOSERS = `"'\u201D\u2019)]\u00BB`;
const OPENERS = `"'\u201C\u2018([\u00AB`;

function isBoundary(text: string, dot: number, next: number): boolean {
  const char = text[dot];
  if (char === '!' || char === '?') return true;
  // char === '.'
  // Only the word before the dot matters; a short window keeps this linear on long paragraphs.
  const before = text.slice(Math.max(0, dot - 24), dot);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1] ?? '';
  const nextWord = /^[^\s]*?([A-Za-z]+)/.exec(text.slice(next))?.[1] ?? '';
  if (text.slice(dot - 2, dot + 1) === '...' || text[dot - 1] === '.') return true; // ellipsis ends
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word) || /^[A-Z]$/.test(word)) {
    // Initialism (U.S.) or a single initial (Donald J. Trump): a boundary only before a clear starter.
    return SENTENCE_STARTERS.has(nextWord.toLowerCase()) && /^[A-Z]/.test(nextWord);
  }
  if (ABBREVIATIONS.has(word.toLowerCase())) {
    // "Oct. 28" / "Mr. Abe" continue the sentence.
    return false;
  }
  return true;
}

/** Whitespace other than the plain space. */
const OTHER_WHITESPACE = /[^\S ]/;

/** Splits text into sentences; paragraphs (blank lines or single newlines) always end a sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    // Only whitespace other than single spaces needs normalising (most paragraphs have none).
    const irregular = paragraph.includes('  ') || OTHER_WHITESPACE.test(paragraph);
    const trimmed = (irregular ? paragraph.replace(/\s+/g, ' ') : paragraph).trim();
    if (trimmed) splitParagraph(trimmed, out);
  }
  return out;
}

function splitParagraph(text: string, out: string[]): void {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '.' && char !== '!' && char !== '?') continue;
    let end = i + 1;
    while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
    while (end < text.length && CLOSERS.includes(text[end] as string)) end++;
    if (end >= text.length) break;
    if (text[end] !== ' ') continue; // "2.5", "U.S.-Japan", "example.com"
    const next = end + 1;
    const nextChar = text[next] ?? '';
    const startsSentence = /[A-Z0-9\u00C0-\u00DE]/.test(nextChar) || OPENERS.includes(nextChar);
    if (!startsSentence) continue;
    if (!isBoundary(text, end - 1 - countClosersBefore(text, end), next)) continue;
    out.push(text.slice(start, end).trim());
    start = next;
    i = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
}

function countClosersBefore(text: string, end: number): number {
  let n = 0;
  while (n < end && CLOSERS.includes(text[end - 1 - n] as string)) n++;
  return n;
}
