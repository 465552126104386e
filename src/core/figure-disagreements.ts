import type { ClaimCluster } from './claims.ts';
import { type RawDisagreement, shownPhrase } from './disagreements.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import { MONTHS } from './text/lexicon.ts';
import { numberValue, type Token, termOf, tokenize } from './text/tokens.ts';

/** Content words before a figure that name what it measures ("pipeline of projects worth about"). */
const ANCHOR_WINDOW = 5;
const MIN_ANCHOR_TERMS = 2;
/** Sentences giving the two figures must still be about the same thing overall. */
const MIN_SIMILARITY = 0.15;
/** Figures reported per slot beyond which the slot is too generic to compare. */
const MAX_VALUES = 4;
/** Mentions per value tried when looking for a conflicting pair: bounds the pair search. */
const MAX_TRIED = 32;

interface Figure {
  value: string;
  /** Surface form: the figure and its unit as written. */
  text: string;
  /** The words before the figure, as written. */
  context: string;
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
  for (const mentions of slots.values()) {
    const byValue = new Map<string, FigureMention[]>();
    for (const m of mentions) {
      const list = byValue.get(m.value);
      if (list) list.push(m);
      else byValue.set(m.value, [m]);
      if (byValue.size > MAX_VALUES) break;
    }
    if (byValue.size < 2 || byValue.size > MAX_VALUES) continue;
    const variants = [...byValue.values()];
    if (!conflicting(variants, claimOf, groupOf, weights)) continue;
    const first = variants[0]?.[0] as FigureMention;
    out.push({
      about: `Figure: “… ${first.context} …”`,
      kind: 'number',
      variants: variants.map((list) => ({
        text: (list[0] as FigureMention).text,
        sentences: withClaimMates(list, claims, claimOf, sentences),
      })),
    });
  }
  return out;
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

/** Whether two values come from different reports, in different claims, in sentences alike enough. */
function conflicting(
  variants: FigureMention[][],
  claimOf: Int32Array,
  groupOf: number[],
  weights: TermWeights,
): boolean {
  for (let i = 0; i < variants.length; i++) {
    for (let j = i + 1; j < variants.length; j++) {
      for (const a of (variants[i] as FigureMention[]).slice(0, MAX_TRIED)) {
        for (const b of (variants[j] as FigureMention[]).slice(0, MAX_TRIED)) {
          if (groupOf[a.sentence.articleIndex] === groupOf[b.sentence.articleIndex]) continue;
          if (claimOf[a.sentence.index] === claimOf[b.sentence.index]) continue;
          // A sentence that states both figures is comparing them, not contradicting the other.
          if (a.sentence.numbers.includes(b.value) || b.sentence.numbers.includes(a.value)) continue;
          if (weights.similarity(a.sentence, b.sentence) >= MIN_SIMILARITY) return true;
        }
      }
    }
  }
  return false;
}

/** Each figure of a sentence with a unit and enough words before it, keyed by unit and those words. */
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
    const anchor = anchorTerms(tokens, first);
    if (anchor.length < MIN_ANCHOR_TERMS) return;
    out.push([
      `${[...anchor].sort().join(' ')}|${unit}`,
      {
        value,
        // The figure with the words around it ("each invest $1 billion", "more than $3 billion").
        text: shownPhrase(text, tokens, first, i + 2, 3, 0) || figureText(text, tokens[first] as Token, unitToken as Token),
        context: tokens
          .slice(Math.max(0, first - ANCHOR_WINDOW - 1), first)
          .map((t) => t.raw)
          .join(' '),
      },
    ]);
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

function anchorTerms(tokens: Token[], at: number): string[] {
  const terms: string[] = [];
  for (let k = Math.max(0, at - ANCHOR_WINDOW); k < at; k++) {
    const t = tokens[k] as Token;
    if (/\d/.test(t.raw) || MONTHS.includes(t.lower)) continue;
    const term = termOf(t.lower);
    if (term && !term.startsWith('#')) terms.push(term);
  }
  return terms;
}
