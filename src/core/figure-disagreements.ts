import type { ClaimCluster } from './claims.ts';
import { type RawDisagreement, shownPhrase } from './disagreements.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import { MONTHS } from './text/lexicon.ts';
import { numberValue, type Token, termOf, tokenize } from './text/tokens.ts';

/** Content words before a figure that name what it measures ("pipeline of projects worth about"). */
const ANCHOR_WINDOW = 5;
/** Content words before two figures they must share to measure the same thing. */
const MIN_SHARED_BEFORE = 2;
/** Sentences giving the two figures must still be about the same thing overall. */
const MIN_SIMILARITY = 0.15;
/** ... or this alike when one compound head names what both figures measure. */
const MIN_SIMILARITY_SAME_HEAD = 0.05;
/** Figures reported per slot beyond which the slot is too generic to compare. */
const MAX_VALUES = 3;
/** Mentions per value tried when looking for a conflicting pair: bounds the pair search. */
const MAX_TRIED = 32;

interface Figure {
  value: string;
  /** Surface form: the figure and its unit as written. */
  text: string;
  /** The words before the figure, as written. */
  context: string;
  /** Content words just before the figure. */
  before: string[];
  /** The noun a compound figure qualifies ("90-minute parade" → parade). */
  head?: string;
}

/** Two figures measure the same thing: one compound head ("-minute parade"), or two words before them in common. */
function sameMeasure(a: Figure, b: Figure): boolean {
  if (a.head !== undefined && a.head === b.head) return true;
  let shared = 0;
  for (const term of a.before) if (b.before.includes(term)) shared++;
  return shared >= MIN_SHARED_BEFORE;
}

/** One figure is the other rounded ("$69 billion" / "$68.7 billion"): the same figure. */
function rounded(x: string, y: string): boolean {
  const a = Number(x);
  const b = Number(y);
  const decimals = (v: string) => (v.includes('.') ? (v.split('.')[1] as string).length : 0);
  const [coarse, fine] = decimals(x) <= decimals(y) ? [a, b] : [b, a];
  const places = Math.min(decimals(x), decimals(y));
  return coarse !== fine && Number(fine.toFixed(places)) === coarse;
}

interface FigureMention extends Figure {
  sentence: SentenceFeatures;
}

/**
 * Figures that independent reports give differently in sentences that did not cluster into one
 * claim (different wording around the same fact): "a pipeline of projects worth about US$8.5
 * billion" against "... worth about $US10 billion". A figure is keyed by its unit and the content
 * words just before it; two reports (different rewrite groups) with different values under one key,
 * in broadly similar sentences, disagree. Pairs inside one claim are left to claimDisagreements.
 */
export function figureDisagreements(
  sentences: SentenceFeatures[],
  claims: ClaimCluster[],
  groupOf: number[],
  weights: TermWeights,
): RawDisagreement[] {
  const claimOf = new Int32Array(sentences.length);
  for (const claim of claims) for (const m of claim.members) claimOf[m] = claim.index;
  const slots = new Map<string, FigureMention[]>();
  // Copies of a sentence state the same figures: read each distinct text once.
  const figuresByText = new Map<string, [string, Figure][]>();
  for (const sentence of sentences) {
    if (sentence.numbers.length === 0) continue;
    let figures = figuresByText.get(sentence.text);
    if (!figures) {
      figures = figuresOf(sentence.text);
      figuresByText.set(sentence.text, figures);
    }
    for (const [key, figure] of figures) {
      const mention = { sentence, ...figure };
      const list = slots.get(key);
      if (list) list.push(mention);
      else slots.set(key, [mention]);
    }
  }
  const out: RawDisagreement[] = [];
  // A pair of figures found under several of their words is one disagreement.
  const reported = new Set<string>();
  const context: SlotContext = { claims, claimOf, groupOf, weights, sentences };
  for (const [key, mentions] of slots) {
    if (key.startsWith(CLOSE_KEY)) {
      out.push(...closeFigures(key.slice(CLOSE_KEY.length), mentions, reported, context));
      continue;
    }
    const byValue = new Map<string, FigureMention[]>();
    for (const m of mentions) {
      const list = byValue.get(m.value);
      if (list) list.push(m);
      else byValue.set(m.value, [m]);
      if (byValue.size > MAX_VALUES) break;
    }
    if (byValue.size < 2 || byValue.size > MAX_VALUES) continue;
    const variants = [...byValue.values()];
    const unit = key.slice(key.indexOf('|') + 1);
    const said = `${unit}|${[...byValue.keys()].sort().join(',')}`;
    if (reported.has(said) || !conflicting(variants, claimOf, groupOf, weights)) continue;
    reported.add(said);
    out.push(figureDisagreement(variants, context));
  }
  return out;
}

/** One disagreement: each value as written, with the sentences (and claim mates) that give it. */
function figureDisagreement(variants: FigureMention[][], ctx: SlotContext): RawDisagreement {
  const first = variants[0]?.[0] as FigureMention;
  return {
    about: `Figure: “… ${first.context} …”`,
    kind: 'number',
    variants: variants.map((list) => ({
      text: (list[0] as FigureMention).text,
      sentences: withClaimMates(list, ctx.claims, ctx.claimOf, ctx.sentences),
    })),
  };
}

/** The sentences giving a value, plus the members of their claims that state the same value. */
function withClaimMates(
  mentions: FigureMention[],
  claims: ClaimCluster[],
  claimOf: Int32Array,
  sentences: SentenceFeatures[],
): SentenceFeatures[] {
  const out = new Set<SentenceFeatures>();
  const visited = new Set<number>();
  for (const m of mentions) {
    out.add(m.sentence);
    const claimIndex = claimOf[m.sentence.index] as number;
    if (visited.has(claimIndex)) continue;
    visited.add(claimIndex);
    for (const member of claims[claimIndex]?.members ?? []) {
      const s = sentences[member] as SentenceFeatures;
      if (s.numbers.includes(m.value)) out.add(s);
    }
  }
  return [...out];
}

/** Key of the slot holding every figure of a unit, for figures close in value. */
const CLOSE_KEY = '~|';
/** Figures of one unit this close (relative gap) read as one measure given twice: "36-year" / "35-year". */
const CLOSE = 0.1;
/** ... in sentences this alike, since no shared words say they measure the same thing. */
const MIN_SIMILARITY_CLOSE = 0.2;

interface SlotContext {
  claims: ClaimCluster[];
  claimOf: Int32Array;
  groupOf: number[];
  weights: TermWeights;
  sentences: SentenceFeatures[];
}

/** Neighbouring values of one unit within CLOSE of each other, from different reports, in alike sentences. */
function closeFigures(unit: string, mentions: FigureMention[], reported: Set<string>, ctx: SlotContext): RawDisagreement[] {
  const byValue = new Map<string, FigureMention[]>();
  for (const m of mentions) {
    const list = byValue.get(m.value);
    if (list) list.push(m);
    else byValue.set(m.value, [m]);
  }
  const values = [...byValue.keys()].sort((a, b) => Number(a) - Number(b));
  const out: RawDisagreement[] = [];
  for (let k = 1; k < values.length; k++) {
    const low = values[k - 1] as string;
    const high = values[k] as string;
    if (Number(high) <= 0 || (Number(high) - Number(low)) / Number(high) > CLOSE || rounded(low, high)) continue;
    const said = `${unit}|${[low, high].sort().join(',')}`;
    const variants = [byValue.get(low) as FigureMention[], byValue.get(high) as FigureMention[]];
    if (reported.has(said) || !conflicting(variants, ctx.claimOf, ctx.groupOf, ctx.weights, false, MIN_SIMILARITY_CLOSE)) continue;
    reported.add(said);
    out.push(figureDisagreement(variants, ctx));
  }
  return out;
}

/** Whether two values come from different reports, in different claims, in sentences alike enough. */
function conflicting(
  variants: FigureMention[][],
  claimOf: Int32Array,
  groupOf: number[],
  weights: TermWeights,
  needsSameMeasure = true,
  minSimilarity = MIN_SIMILARITY,
): boolean {
  for (let i = 0; i < variants.length; i++) {
    for (let j = i + 1; j < variants.length; j++) {
      for (const a of (variants[i] as FigureMention[]).slice(0, MAX_TRIED)) {
        for (const b of (variants[j] as FigureMention[]).slice(0, MAX_TRIED)) {
          if (groupOf[a.sentence.articleIndex] === groupOf[b.sentence.articleIndex]) continue;
          if (claimOf[a.sentence.index] === claimOf[b.sentence.index]) continue;
          // A sentence that states both figures is comparing them, not contradicting the other.
          if (a.sentence.numbers.includes(b.value) || b.sentence.numbers.includes(a.value)) continue;
          if ((needsSameMeasure && !sameMeasure(a, b)) || rounded(a.value, b.value)) continue;
          // One compound head ("70-minute parade" / "90-minute parade") names the measure outright.
          const floor = a.head !== undefined && a.head === b.head ? MIN_SIMILARITY_SAME_HEAD : minSimilarity;
          if (weights.similarity(a.sentence, b.sentence) >= floor) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Each figure of a sentence with a unit, once per content word around it (the words before it and
 * the noun after it: "the 90-minute parade", "a crowd of 50,000 people"), keyed by unit and that word.
 */
function figuresOf(text: string): [string, Figure][] {
  const tokens = tokenize(text);
  const out: [string, Figure][] = [];
  tokens.forEach((token, i) => {
    if (!/\d/.test(token.raw)) return;
    const value = numberValue(token.lower);
    const previous = tokens[i - 1];
    if (value === undefined || (previous && MONTHS.includes(previous.lower))) return; // "Oct 9" is a date
    const unitToken = tokens[i + 1];
    const unit = unitToken ? termOf(unitToken.lower) : undefined;
    if (!unit || unit.startsWith('#')) return;
    // A currency or unit glued to the front ("US$8.5") belongs to the figure, not to its context.
    const glued = previous !== undefined && previous.start + previous.raw.length === token.start;
    const first = glued ? i - 1 : i;
    const before = anchorTerms(tokens, first - ANCHOR_WINDOW, first);
    // "90-minute parade": the unit hyphenated to the figure qualifies the noun after it.
    const compound = text.slice(token.start + token.raw.length, (unitToken as Token).start) === '-';
    const headToken = compound ? tokens[i + 2] : undefined;
    const head = headToken ? termOf(headToken.lower) : undefined;
    const anchor = new Set(before.length >= MIN_SHARED_BEFORE ? before : []);
    if (head && !head.startsWith('#')) anchor.add(`^${head}`);

    const figure = {
      value,
      // The figure with the words before it ("each invest $1 billion", "more than $3 billion").
      text: shownPhrase(text, tokens, first, i + 2, 3, compound ? 1 : 0) || figureText(text, tokens[first] as Token, unitToken as Token),
      context: tokens
        .slice(Math.max(0, first - ANCHOR_WINDOW - 1), first)
        .map((t) => t.raw)
        .join(' '),
      before,
      ...(head && !head.startsWith('#') ? { head } : {}),
    };
    for (const term of anchor) out.push([`${term}|${unit}`, figure]);
    out.push([`${CLOSE_KEY}${unit}`, figure]);
  });
  return out;
}

/** The figure as written, from its first token to its unit ("US$8.5 billion", "$US10 billion"). */
function figureText(text: string, from: Token, unit: Token): string {
  // Token offsets index the typography-folded text, which equals the original for ASCII text.
  if (/[^\x00-\x7F]/.test(text)) return `${from.raw} ${unit.raw}`;
  let start = from.start;
  while (start > 0 && text[start - 1] === '$') start--;
  return text.slice(start, unit.start + unit.raw.length);
}

function anchorTerms(tokens: Token[], from: number, to: number): string[] {
  const terms: string[] = [];
  for (let k = Math.max(0, from); k < Math.min(tokens.length, to); k++) {
    const t = tokens[k] as Token;
    if (/\d/.test(t.raw) || MONTHS.includes(t.lower)) continue;
    const term = termOf(t.lower);
    if (term && !term.startsWith('#')) terms.push(term);
  }
  return terms;
}
