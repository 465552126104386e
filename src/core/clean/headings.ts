/**
 * Section headings that lost their line break ("... relations. Trade Outlook and Talks Not many
 * expect ...") and headlines run into the body. Both are Title Case runs; a run is a heading only
 * when it is followed by a word that can start a sentence and its words are ordinary English
 * words capitalised for display, so names with titles ("Prime Minister Sanae Takaichi met") stay.
 */

export interface WordList {
  has(lowerWord: string): boolean;
}

const MINOR_WORDS = new Set(
  'a an and as at but by for from in into of on or over the to vs with without amid after before'.split(' '),
);
const STARTERS = new Set(
  `the a an he she it they we this that these those there his her their its our not few many most some
in on at after before when while as if but however meanwhile yet still although despite`.split(/\s+/),
);
const TITLE_WORDS = new Set(
  `president minister secretary chancellor king queen emperor empress pope general governor senator
mayor chief director chairman chairwoman chair ceo ambassador judge justice prince princess premier
leader speaker admiral commander officer spokesman spokeswoman spokesperson representative envoy
sheikh sultan gen lt col maj sgt mr mrs ms dr sir lord lady dame professor prof captain colonel lieutenant sergeant`.split(
    /\s+/,
  ),
);

interface Word {
  text: string;
  end: number;
}

function words(sentence: string): Word[] {
  const out: Word[] = [];
  for (const m of sentence.matchAll(/\S+/g)) out.push({ text: m[0], end: m.index + m[0].length });
  return out;
}

const bare = (word: string) => word.replace(/^["'\u201C\u2018(]+|["'\u201D\u2019),:;.!?]+$/g, '');
const isCapitalised = (word: string) => /^[A-Z]/.test(bare(word));
const hasTrailingPunct = (word: string) => /[,:;.!?]["'\u201D\u2019)]*$/.test(word);

/** Splits "Heading Words The sentence ..." into heading and sentence; undefined when there is none. */
export function splitGluedHeading(
  sentence: string,
  dictionary: WordList,
): { heading: string; sentence: string } | undefined {
  // Cheap exit for the common case: a heading needs at least three leading Title Case words.
  if (!/^\S+ +[A-Z]\S* +(?:[A-Z]|(?:and|of|the|in|on|for|to|with) +[A-Z])/.test(sentence)) return undefined;
  const ws = words(sentence);
  let runEnd = 0; // index of first word after the Title Case run
  while (runEnd < ws.length) {
    const w = bare((ws[runEnd] as Word).text);
    if (!(isCapitalised(w) || (runEnd > 0 && MINOR_WORDS.has(w)))) break;
    if (runEnd > 0 && hasTrailingPunct((ws[runEnd - 1] as Word).text)) break;
    runEnd++;
  }
  // Try cut points from the longest heading down; the sentence must start with a capitalised word.
  for (let cut = runEnd - 1; cut >= 2; cut--) {
    const first = bare((ws[cut] as Word).text);
    if (!isCapitalised(first)) continue;
    const headingWords = ws.slice(0, cut).map((w) => bare(w.text));
    const last = headingWords[headingWords.length - 1] as string;
    if (MINOR_WORDS.has(last) || TITLE_WORDS.has(last.toLowerCase())) continue;
    const capitalised = headingWords.filter(isCapitalised);
    if (capitalised.length < 2) continue;
    const afterCut = ws[cut + 1] ? bare((ws[cut + 1] as Word).text) : '';
    const sentenceContinues = afterCut !== '' && !isCapitalised(afterCut);
    const starterFollows = STARTERS.has(first.toLowerCase()) && sentenceContinues;
    const ordinaryWords = capitalised.every((w) => dictionary.has(w.toLowerCase()));
    const nameFollows = sentenceContinues || hasTrailingPunct((ws[cut] as Word).text);
    if (starterFollows || (ordinaryWords && nameFollows && capitalised.length >= 2 && cut >= 3)) {
      const headingEnd = (ws[cut - 1] as Word).end;
      return { heading: sentence.slice(0, headingEnd).trim(), sentence: sentence.slice(headingEnd).trim() };
    }
  }
  return undefined;
}

/** Words that open a sentence after a glued sentence-case heading ("... daily limit Following the ..."). */
const OPENERS = new Set(
  `the a an following after before as when while in on at despite amid under with this these those its his
her their it he she they we`.split(/\s+/),
);
/** The heading before a glued opener is short; the sentence after it is a real one. */
const MAX_GLUED_HEADING_WORDS = 14;
const MIN_SENTENCE_AFTER = 6;

/**
 * Splits a sentence-case heading run into the text ("Market impact Shares fall by the daily
 * limit Following the decision, shares fell 10%."): a sentence opener capitalised after a
 * lowercase word with no punctuation between, itself followed by a lowercase word, so titles of
 * works and outlets ("told The Associated Press", "in The Hague") stay.
 */
export function splitGluedSentenceCaseHeading(sentence: string): { heading: string; sentence: string } | undefined {
  const ws = words(sentence);
  const limit = Math.min(ws.length - MIN_SENTENCE_AFTER, MAX_GLUED_HEADING_WORDS + 1);
  for (let i = 3; i < limit; i++) {
    const word = bare((ws[i] as Word).text);
    const before = (ws[i - 1] as Word).text;
    const after = bare((ws[i + 1] as Word).text);
    if (!/^[A-Z][a-z]+$/.test(word) || !OPENERS.has(word.toLowerCase())) continue;
    if (!/^[a-z][a-z'’-]*$/.test(before) || MINOR_WORDS.has(before) || !/^[a-z]/.test(after)) continue;
    const headingEnd = (ws[i - 1] as Word).end;
    return { heading: sentence.slice(0, headingEnd).trim(), sentence: sentence.slice(headingEnd).trim() };
  }
  return undefined;
}

/**
 * A headline: most words capitalised (Title Case), several words long. Expects a sentence as
 * `splitSentences` returns it (words separated by single spaces), so words are found by indexOf.
 */
export function isTitleCase(sentence: string): boolean {
  // capitalised / significant >= 0.75, and significant <= words: too many lower-case words settle it early.
  let spaces = 0;
  for (let k = sentence.indexOf(' '); k !== -1; k = sentence.indexOf(' ', k + 1)) spaces++;
  // A headline ends without a full stop; a sentence that has one (and so is no headline) is Title
  // Case only when it has no lower-case word at all: names crowd many news sentences.
  const maxLowercase = sentence.endsWith('.') ? 0 : 0.25 * (spaces + 1);
  let withLetters = 0;
  let significant = 0;
  let lowercase = 0;
  const n = sentence.length;
  for (let i = 0; i < n; ) {
    let end = sentence.indexOf(' ', i);
    if (end === -1) end = n;
    // The word without its leading quotes/brackets and trailing punctuation (as `bare` does).
    let start = i;
    while (start < end && isLeading(sentence.charCodeAt(start))) start++;
    let stop = end;
    while (stop > start && isTrailing(sentence.charCodeAt(stop - 1))) stop--;
    i = end + 1;
    if (!hasAsciiLetter(sentence, start, stop)) continue;
    withLetters++;
    const first = sentence.charCodeAt(start);
    if (first >= 65 && first <= 90) {
      significant++;
    } else if (!MINOR_WORDS.has(sentence.slice(start, stop).toLowerCase())) {
      significant++;
      if (++lowercase > maxLowercase) return false;
    }
  }
  return withLetters >= 4 && significant > 0 && significant - lowercase >= 0.75 * significant;
}

/** Quotes and brackets `bare` strips from a word's start: " ' “ ‘ ( */
const isLeading = (c: number) => c === 34 || c === 39 || c === 40 || c === 0x201c || c === 0x2018;
/** Punctuation `bare` strips from a word's end: " ' ” ’ ) , : ; . ! ? */
const isTrailing = (c: number) =>
  c === 34 || c === 39 || c === 41 || c === 44 || c === 58 || c === 59 || c === 46 || c === 33 || c === 63 ||
  c === 0x201d || c === 0x2019;

function hasAsciiLetter(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** Whitespace-separated words, counted without splitting; stops counting at `limit`. */
export function countWords(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length && count < limit; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** What `\s` matches, by code unit. */
function isSpace(code: number): boolean {
  if (code === 32) return true;
  if (code < 32) return code >= 9 && code <= 13;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
