import type { ClaimCluster } from './claims.ts';
import type { WordList } from './clean/headings.ts';
import { diffHunks } from './diff.ts';
import type { SentenceFeatures } from './features.ts';
import { MONTHS } from './text/lexicon.ts';
import { numberValue, type Token, termOf, tokenize } from './text/tokens.ts';
import type { Disagreement } from './types.ts';

/** A disagreement before citations are attached. */
export interface RawDisagreement {
  about: string;
  kind: Disagreement['kind'];
  /** Each variant with the sentences that say it. */
  variants: { text: string; sentences: SentenceFeatures[] }[];
}

interface AlignedToken {
  raw: string;
  /** Offset in the tokenized (typography-folded) text. */
  start: number;
  key: string;
  isName: boolean;
  number?: string;
}

function align(text: string): AlignedToken[] {
  return tokenize(text).map((t: Token, i: number) => {
    const number = numberValue(t.lower);
    const term = termOf(t.lower);
    return {
      raw: t.raw,
      start: t.start,
      key: number !== undefined ? `#${number}` : (term ?? t.lower),
      isName: i > 0 && /^[A-Z]/.test(t.raw) && number === undefined,
      ...(number !== undefined ? { number } : {}),
    };
  });
}

const NAME_JOINERS = new Set(['of', 'the', 'de', 'al', 'von', 'van', '-', 'and']);
const LOCATIVE = new Set(['at', 'in', 'inside', 'near', 'outside']);
const isDate = (t: AlignedToken) => isMonth(t.raw) || /^(?:1[89]|20)\d\d$/.test(t.raw);
/** "October", "Oct", "Oct." and "Sept." name a month. */
function isMonth(raw: string): boolean {
  const word = raw.toLowerCase().replace(/\.$/, '');
  return word.length >= 3 && MONTHS.some((m) => m === word || (m.startsWith(word) && word.length <= 4));
}

/** Units of time in days, so "three decades" and "30 years" are one duration. */
const DURATION_DAYS: Record<string, number> = {
  minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, fortnight: 14, month: 30.44, year: 365.25, decade: 3652.5,
};

/** The duration a hunk states (its number and the unit in it or just after it), in days. */
function durationOf(ts: AlignedToken[], next: AlignedToken | undefined): number | undefined {
  const index = ts.findIndex((t) => t.number !== undefined);
  if (index < 0 || ts.filter((t) => t.number !== undefined).length > 1) return undefined;
  const unitToken = ts[index + 1] ?? next;
  const unit = unitToken?.raw.toLowerCase().replace(/s$/, '');
  const days = unit ? DURATION_DAYS[unit] : undefined;
  return days === undefined ? undefined : Number(ts[index]?.number) * days;
}

/** Longest differing run (tokens) still read as one fact stated differently. */
const MAX_HUNK = 4;
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'hers', 'its', 'their', 'we', 'i', 'you']);
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const RELATIVE_DAYS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'earlier', 'later', 'last', 'next', 'this']);

/**
 * Days told two ways: two different weekdays conflict ("on Tuesday" / "on Wednesday"); a weekday
 * against a calendar date or a relative day ("Tuesday" / "Oct. 28" / "yesterday") is one day
 * named differently. 'none' when neither side names a day.
 */
function whenKind(a: AlignedToken[], b: AlignedToken[]): 'none' | 'conflict' | 'same' {
  const day = (ts: AlignedToken[]) => ts.find((t) => WEEKDAYS.includes(t.raw.toLowerCase().replace(/'s$/, '')));
  const dayA = day(a);
  const dayB = day(b);
  if (!dayA && !dayB) return 'none';
  if (dayA && dayB) return dayA.raw.toLowerCase() === dayB.raw.toLowerCase() ? 'same' : 'conflict';
  const other = dayA ? b : a;
  const datelike = other.some((t) => isDate(t) || t.number !== undefined || RELATIVE_DAYS.has(t.raw.toLowerCase()));
  return datelike ? 'same' : 'none';
}

/** The capitalised parts of a hyphenated word: "Chinese-origin" and "Chinese-sourced" both name China. */
function nameCore(raw: string): string {
  return raw
    .split('-')
    .filter((part) => /^[A-Z]/.test(part))
    .join('-');
}

/** Same name in another form: Cambodia/Cambodian, China/Chinese, US/United States. */
function sameName(a: string, b: string): boolean {
  // "U.S." and "US", "Japan-U.S" and "Japan-US": dots are spelling.
  const x = a.toLowerCase().replace(/\./g, '');
  const y = b.toLowerCase().replace(/\./g, '');
  if (x === y) return true;
  // Synonyms part by part: "America-first" / "US-first".
  const keys = (s: string) => s.split(/[-\s]+/).map((part) => termOf(part) ?? part).join(' ');
  if (keys(x) === keys(y)) return true;
  const prefix = Math.min(x.length, y.length) - 1;
  if (prefix >= 3 && x.slice(0, prefix) === y.slice(0, prefix)) return true;
  const initials = (s: string) =>
    s
      .split(/\s+/)
      .map((w) => w[0])
      .join('');
  return x === initials(y) || y === initials(x);
}

/**
 * Modifiers that say where something is from in general ("foreign investors", "local media"): a
 * specific name for the same thing ("US investors", "ANP") narrows it, it does not contradict it.
 */
const GENERIC_MODIFIERS = new Set([
  'foreign', 'local', 'domestic', 'international', 'national', 'regional', 'overseas', 'global', 'western',
  'eastern', 'northern', 'southern', 'official', 'other', 'several', 'many', 'some', 'senior', 'top', 'key',
  'major', 'various', 'both', 'all', 'new', 'former', 'current', 'state', 'government', 'federal',
]);

/**
 * Words that make a phrase after "in" / "at" something other than a place: a time ("in the near
 * future"), or an abstract noun phrase ("the importance of diplomacy").
 */
const NOT_PLACE_WORDS = new Set([
  'future', 'past', 'time', 'times', 'moment', 'period', 'era', 'term', 'run', 'days', 'weeks', 'months',
  'years', 'of', 'terms', 'way', 'order', 'case', 'fact', 'part', 'response', 'addition', 'line', 'talks',
]);

/** Words that make a figure approximate: "a little over $100" is not a conflict with "$102". */
const HEDGES = new Set([
  'about', 'around', 'roughly', 'nearly', 'almost', 'approximately', 'some', 'over', 'more', 'than', 'under',
  'less', 'little', 'just', 'up', 'to', 'close', 'estimated', 'circa', 'upwards', 'least',
]);
/** Relative gap between two figures an approximation still covers. */
const APPROXIMATION = 0.1;

/** One side hedges its figure and the two figures are within the hedge's reach. */
function approximatelyEqual(
  a: AlignedToken[],
  b: AlignedToken[],
  before: AlignedToken[],
  numsA: (string | undefined)[],
  numsB: (string | undefined)[],
): boolean {
  if (numsA.length !== 1 || numsB.length !== 1) return false;
  const x = Number(numsA[0]);
  const y = Number(numsB[0]);
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x - y) > APPROXIMATION * Math.max(x, y)) return false;
  const hedged = (ts: AlignedToken[]) => {
    const at = ts.findIndex((t) => t.number !== undefined);
    const lead = [...(at === 0 ? before.slice(-2) : []), ...ts.slice(Math.max(0, at - 3), at)];
    return lead.some((t) => HEDGES.has(t.raw.toLowerCase()));
  };
  return hedged(a) || hedged(b);
}

/** The two sentences being compared, whole: a difference may only be words moved elsewhere. */
interface SentencePair {
  reference: AlignedToken[];
  other: AlignedToken[];
}

function classify(
  a: AlignedToken[],
  b: AlignedToken[],
  before: AlignedToken[],
  nextA: AlignedToken | undefined,
  nextB: AlignedToken | undefined,
  pair: SentencePair,
  dictionary: WordList,
): Disagreement['kind'] | undefined {
  if (a.length === 0 || b.length === 0) return undefined; // one side says less, not something else
  // Two clauses that share no words are other statements, not one fact told two ways.
  if (a.length > MAX_HUNK || b.length > MAX_HUNK) return undefined;
  // "she" against "Takaichi", "the minister" against a name: the same person, referred to.
  if ([...a, ...b].some((t) => PRONOUNS.has(t.raw.toLowerCase()))) return undefined;
  const when = whenKind(a, b);
  if (when !== 'none') return when === 'conflict' ? 'date' : undefined;
  const numsA = a.filter((t) => t.number !== undefined).map((t) => t.number);
  const numsB = b.filter((t) => t.number !== undefined).map((t) => t.number);
  if (numsA.length > 0 && numsB.length > 0) {
    if (numsA.join() === numsB.join()) return undefined;
    // A reworded sentence moves its figures around: figures the other sentence also states elsewhere
    // are a misaligned reordering, not a conflict.
    const has = (ts: AlignedToken[], n: string | undefined) => ts.some((t) => t.number === n);
    if (numsA.every((n) => has(pair.other, n)) || numsB.every((n) => has(pair.reference, n))) return undefined;
    if (approximatelyEqual(a, b, before, numsA, numsB)) return undefined;
    const durationA = durationOf(a, nextA);
    const durationB = durationOf(b, nextB);
    if (durationA !== undefined && durationB !== undefined && Math.abs(durationA - durationB) <= 0.02 * durationA) {
      return undefined;
    }
    return [...a, ...b].some(isDate) ? 'date' : 'number';
  }
  if (numsA.length > 0 || numsB.length > 0) return undefined; // a number against a vague phrase
  const properA = a.filter((t) => t.isName && !dictionary.has(t.raw.toLowerCase()));
  const properB = b.filter((t) => t.isName && !dictionary.has(t.raw.toLowerCase()));
  const partOfLongerName = nextA?.isName && nextB?.isName && nextA.key === nextB.key;
  const allNames = (ts: AlignedToken[]) => ts.every((t) => t.isName || NAME_JOINERS.has(t.raw));
  const possessive = (ts: AlignedToken[]) => /'s$/.test(ts[ts.length - 1]?.raw ?? '');
  if (properA.length > 0 && properB.length > 0 && allNames(a) && allNames(b)) {
    if (possessive(a) && possessive(b)) return undefined; // "Tokyo's" / "Japan's": metonymy, not a fact
    const textA = a.map((t) => nameCore(t.raw)).join(' ');
    const textB = b.map((t) => nameCore(t.raw)).join(' ');
    if (partOfLongerName || sameName(textA, textB)) return undefined;
    return 'name';
  }
  // The shared word after is a common noun on both sides: "Public Investment Fund" is one name, so
  // "sovereign investment fund" against it is a description, not another kind.
  const sharedHead =
    nextA !== undefined && nextB !== undefined && nextA.key === nextB.key && !nextA.isName && !nextB.isName;
  const named = (ts: AlignedToken[]) => ts.some((t) => t.isName);
  // "cruise missiles" / "Tomahawk missiles": a kind against a named kind. Not a determiner against
  // a name ("the" / "France's") nor a generic origin against a specific one ("foreign" / "US").
  const specificWord = (t: AlignedToken) =>
    termOf(t.raw.toLowerCase()) !== undefined && !GENERIC_MODIFIERS.has(t.raw.toLowerCase().replace(/'s$/, ''));
  if (named(a) !== named(b) && a.length === 1 && b.length === 1 && sharedHead) {
    return specificWord(a[0] as AlignedToken) && specificWord(b[0] as AlignedToken) ? 'detail' : undefined;
  }
  const prev = before.slice(-2).map((t) => t.raw.toLowerCase());
  const locative = prev.some((w) => LOCATIVE.has(w));
  const lowercase = (ts: AlignedToken[]) => ts.every((t) => !t.isName);
  // A place is named by content words ("state guest house"), not by "up to" against "as much as".
  // A place phrase ends in its noun: "turning this" / "making the" are other words, not places.
  const content = (ts: AlignedToken[]) =>
    ts.some((t) => t.number === undefined && termOf(t.raw.toLowerCase())) &&
    termOf((ts[ts.length - 1] as AlignedToken).raw.toLowerCase()) !== undefined &&
    !ts.some((t) => (/ing$/.test(t.raw) && t.raw.length > 5) || NOT_PLACE_WORDS.has(t.raw.toLowerCase()));
  if (locative && lowercase(a) && lowercase(b) && a.length >= 2 && b.length >= 2 && content(a) && content(b)) {
    return 'place';
  }
  return undefined;
}

/** Disagreements among the sentences of each claim (the same statement with a different fact). */
export function claimDisagreements(
  claims: ClaimCluster[],
  sentences: SentenceFeatures[],
  dictionary: WordList,
): RawDisagreement[] {
  const out: RawDisagreement[] = [];
  for (const claim of claims) {
    if (claim.members.length < 2) continue;
    const members = claim.members.map((m) => sentences[m] as SentenceFeatures);
    const reference = members[0] as SentenceFeatures;
    const refTokens = align(reference.text);
    const refKeys = refTokens.map((t) => t.key);
    // position in reference → variant text → refs
    const byPosition = new Map<
      number,
      {
        kind: Disagreement['kind'];
        context: string;
        variants: Map<string, SentenceFeatures[]>;
        /** Each variant's words as shown (first sentence seen saying it). */
        shown: Map<string, string>;
        /** Articles already placed in a variant. */
        listed: Set<string>;
      }
    >();
    // Copies of one sentence differ from the reference in the same way: align each text once.
    const findingsByText = new Map<string, Finding[]>();
    for (const other of members.slice(1)) {
      // Same terms (synonyms folded, numbers and names included) cannot differ on a fact.
      if (sameTerms(reference.termIds, other.termIds)) continue;
      let findings = findingsByText.get(other.text);
      if (!findings) {
        findings = compare(reference.text, refTokens, refKeys, other.text, dictionary);
        findingsByText.set(other.text, findings);
      }
      for (const finding of findings) {
        let entry = byPosition.get(finding.position);
        if (!entry) {
          entry = {
            kind: finding.kind,
            context: finding.context,
            variants: new Map([[finding.referenceText, [reference]]]),
            shown: new Map([[finding.referenceText, finding.referenceShown]]),
            listed: new Set([reference.articleId]),
          };
          byPosition.set(finding.position, entry);
        }
        const refs = entry.variants.get(finding.text) ?? [];
        refs.push(other);
        entry.variants.set(finding.text, refs);
        if (!entry.shown.has(finding.text)) entry.shown.set(finding.text, finding.shown);
        entry.listed.add(other.articleId);
      }
    }
    // Members without a hunk at a position agree with the reference there.
    for (const entry of byPosition.values()) {
      const refVariant = entry.variants.values().next().value as SentenceFeatures[];
      for (const m of members) if (!entry.listed.has(m.articleId)) refVariant.push(m);
      out.push({
        about: `${KIND_LABEL[entry.kind]}: “… ${entry.context} …”`,
        kind: entry.kind,
        variants: [...entry.variants.entries()].map(([text, sentences]) => ({ text: entry.shown.get(text) ?? text, sentences })),
      });
    }
  }
  return out;
}

/** One place where a sentence says something else than the claim's reference sentence. */
interface Finding {
  /** Token position in the reference. */
  position: number;
  kind: Disagreement['kind'];
  /** The reference's words just before the difference. */
  context: string;
  referenceText: string;
  text: string;
  /** The differing words with a few of their sentence's words around them, as the reader sees them. */
  referenceShown: string;
  shown: string;
}

/** Words of context shown around a differing phrase: enough to tell what each source says. */
const SHOWN_BEFORE = 4;
const SHOWN_AFTER = 2;

/**
 * Tokens [from, to) of a sentence widened by up to `before` / `after` words of context that do not
 * cross punctuation, as written in the sentence when token offsets allow.
 */
export function shownPhrase(
  text: string,
  tokens: readonly { raw: string; start: number }[],
  from: number,
  to: number,
  before = SHOWN_BEFORE,
  after = SHOWN_AFTER,
): string {
  const joined = (i: number, j: number) => {
    const x = tokens[i];
    const y = tokens[j];
    return x !== undefined && y !== undefined && !/[,;:()"!?]|[.]\s/.test(text.slice(x.start + x.raw.length, y.start));
  };
  let first = from;
  while (first > 0 && from - first < before && joined(first - 1, first)) first--;
  let last = to - 1;
  while (last + 1 < tokens.length && last - (to - 1) < after && joined(last, last + 1)) last++;
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b) return '';
  const matches = (t: { raw: string; start: number }) => text.slice(t.start, t.start + t.raw.length) === t.raw;
  if (matches(a) && matches(b)) return text.slice(a.start, b.start + b.raw.length);
  return tokens
    .slice(first, last + 1)
    .map((t) => t.raw)
    .join(' ');
}

function compare(
  referenceText: string,
  refTokens: AlignedToken[],
  refKeys: string[],
  otherText: string,
  dictionary: WordList,
): Finding[] {
  const tokens = align(otherText);
  const findings: Finding[] = [];
  for (const hunk of diffHunks(
    refKeys,
    tokens.map((t) => t.key),
  )) {
    const a = refTokens.slice(hunk.aStart, hunk.aEnd);
    const b = tokens.slice(hunk.bStart, hunk.bEnd);
    const before = refTokens.slice(Math.max(0, hunk.aStart - 3), hunk.aStart);
    const pair = { reference: refTokens, other: tokens };
    const kind = classify(a, b, before, refTokens[hunk.aEnd], tokens[hunk.bEnd], pair, dictionary);
    if (!kind) continue;
    findings.push({
      position: hunk.aStart,
      kind,
      context: refTokens
        .slice(Math.max(0, hunk.aStart - 6), hunk.aStart)
        .map((t) => t.raw)
        .join(' '),
      referenceText: a.map((t) => t.raw).join(' '),
      text: b.map((t) => t.raw).join(' '),
      referenceShown: shownPhrase(referenceText, refTokens, hunk.aStart, hunk.aEnd),
      shown: shownPhrase(otherText, tokens, hunk.bStart, hunk.bEnd),
    });
  }
  return findings;
}

const KIND_LABEL: Record<Disagreement['kind'], string> = {
  number: 'Figure',
  date: 'Date',
  name: 'Name',
  title: 'Title',
  place: 'Place',
  detail: 'Detail',
};

function sameTerms(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
