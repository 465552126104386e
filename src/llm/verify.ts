import type { RankedClaim } from '../core/claim-ranking.ts';
import type { WordList } from '../core/clean/headings.ts';
import { MONTHS } from '../core/text/lexicon.ts';
import { numberValue, termOf, tokenize } from '../core/text/tokens.ts';
import type { ClaimCatalog } from './condense.ts';
import type { Statement } from './output-schemas.ts';

export interface AcceptedStatement {
  text: string;
  claims: RankedClaim[];
}

export interface Rejection {
  text: string;
  claims: string[];
  /** Why, phrased so the model can fix it in a repair round. */
  problems: string[];
}

export interface VerifyOptions {
  maxWords: number;
  /** Tells a sentence-initial ordinary word ("Officials") from a name ("Takaichi"). */
  dictionary: WordList;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DATE_WORDS = new Set([...MONTHS, ...WEEKDAYS]);
/** Points are plain prose: links, mentions, tags and Markdown could act on the chat platform. */
const MARKUP = /https?:\/\/|\bwww\.|@[A-Za-z0-9_]|<[^>]*>|\[[^\]]*\]\(|`|\*\*|(?:^|\n)\s*[#>]/;
/**
 * Instructions planted in articles, repeated by a model that obeyed them. Such text can be in the
 * sources (the offline engine quotes it, escaped); a model should report news, not relay orders.
 */
const RELAYED_INSTRUCTION = new RegExp(
  [
    String.raw`\b(?:ignore|disregard|forget)\b[^.]{0,30}\b(?:instructions|prompts?)\b`,
    String.raw`\bsystem\s*:`,
    String.raw`\badmin mode\b`,
    String.raw`\breveal\b[^.]{0,30}\b(?:api keys?|tokens?|passwords?|system prompt)\b`,
  ].join('|'),
  'i',
);
/** Shorter is a fragment ("HACKED"), not a point. */
const MIN_WORDS = 3;
/** "one" is mostly a pronoun ("one of the"), not a figure to check. */
const UNCHECKED_NUMBER_WORDS = new Set(['one', 'zero']);
/** A statement must be mostly made of words its claims use; paraphrase beyond that is invention. */
const MIN_SUPPORTED_SHARE = 0.5;

/**
 * Checks each statement against the claims it cites: ids exist; every number, date and proper
 * name appears in those claims' sentences (all members, not only the wording the model saw);
 * at least half its words are the claims' words; no markup or relayed instructions; a sentence,
 * not a fragment, within the length limit; not a repeat.
 */
export function verifyStatements(
  statements: Statement[],
  catalog: ClaimCatalog,
  options: VerifyOptions,
): { accepted: AcceptedStatement[]; rejected: Rejection[] } {
  const accepted: AcceptedStatement[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  for (const statement of statements) {
    const text = statement.text.replace(/\s+/g, ' ').trim();
    const problems: string[] = [];
    const words = text ? text.split(' ').length : 0;
    if (words < MIN_WORDS) problems.push(words === 0 ? 'is empty' : `has fewer than ${MIN_WORDS} words`);
    if (words > options.maxWords) problems.push(`has ${words} words; at most ${options.maxWords} are allowed`);
    if (MARKUP.test(text)) problems.push('contains a link, mention or markup');
    if (RELAYED_INSTRUCTION.test(text)) problems.push('repeats instructions from the article text instead of reporting');
    if (statement.claims.length === 0) problems.push('cites no claim');
    const cited: RankedClaim[] = [];
    for (const ref of new Set(statement.claims)) {
      const claim = catalog.byRef.get(ref);
      if (claim) cited.push(claim);
      else problems.push(`cites "${ref}", which is not in the data`);
    }
    if (cited.length > 0 && words > 0) problems.push(...unsupportedFacts(text, cited, options.dictionary));
    const key = text.toLowerCase();
    if (seen.has(key)) problems.push('repeats an earlier statement');
    seen.add(key);
    if (problems.length > 0) rejected.push({ text, claims: statement.claims, problems });
    else accepted.push({ text, claims: cited });
  }
  return { accepted, rejected };
}

interface SourceFacts {
  numbers: Set<string>;
  words: Set<string>;
  terms: Set<string>;
}

function sourceFacts(claims: RankedClaim[]): SourceFacts {
  const facts: SourceFacts = { numbers: new Set(), words: new Set(), terms: new Set() };
  for (const member of claims.flatMap((c) => c.members)) {
    for (const token of tokenize(member.text)) {
      const number = numberValue(token.lower);
      if (number !== undefined) facts.numbers.add(number);
      facts.words.add(nameKey(token.raw));
      const term = termOf(token.lower);
      if (term) facts.terms.add(term);
    }
  }
  return facts;
}

function unsupportedFacts(text: string, cited: RankedClaim[], dictionary: WordList): string[] {
  const facts = sourceFacts(cited);
  const problems: string[] = [];
  const missing = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?]["\u201D']?)\s+/)) {
    tokenize(sentence).forEach((token, i) => {
      const isDigit = /\d/.test(token.raw);
      const number = isDigit || !UNCHECKED_NUMBER_WORDS.has(token.lower) ? numberValue(token.lower) : undefined;
      if (number !== undefined) {
        if (!facts.numbers.has(number) && !missing.has(token.raw)) {
          missing.add(token.raw);
          problems.push(`the number "${token.raw}" is not in the cited claims`);
        }
        return;
      }
      if (!isName(token.raw, i, dictionary)) return;
      if (!hasName(facts.words, nameKey(token.raw)) && !missing.has(token.raw)) {
        missing.add(token.raw);
        const kind = DATE_WORDS.has(token.lower) ? 'date' : 'name';
        problems.push(`the ${kind} "${token.raw}" is not in the cited claims`);
      }
    });
  }
  const terms = [...new Set(tokenize(text).flatMap((t) => termOf(t.lower) ?? []))];
  const supported = terms.filter((t) => facts.terms.has(t)).length;
  if (terms.length > 0 && supported / terms.length < MIN_SUPPORTED_SHARE) {
    problems.push('most of its words are not in the cited claims');
  }
  return problems;
}

/** Capitalised words after the first are names; so are acronyms, dates and unknown first words. */
function isName(raw: string, index: number, dictionary: WordList): boolean {
  const word = raw.replace(/'s$/, '');
  if (word.length < 2 || !/^\p{Lu}/u.test(word)) return false;
  if (index > 0) return true;
  const lower = word.toLowerCase();
  return word === word.toUpperCase() || DATE_WORDS.has(lower) || !dictionary.has(lower);
}

function nameKey(raw: string): string {
  return raw.toLowerCase().replace(/'s$/, '').replace(/\./g, '');
}

/** The same name, or its other form sharing all but a last letter (Japan/Japanese, China/Chinese). */
function hasName(words: Set<string>, name: string): boolean {
  if (words.has(name)) return true;
  for (const word of words) {
    const [shorter, longer] = word.length <= name.length ? [word, name] : [name, word];
    if (shorter.length >= 5 && longer.startsWith(shorter.slice(0, -1))) return true;
  }
  return false;
}
