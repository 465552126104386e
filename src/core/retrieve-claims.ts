import type { RankedClaim } from './claim-ranking.ts';
import type { Analysis } from './engine.ts';
import { termOf, tokenize } from './text/tokens.ts';

/** Words that shape a question but carry no content to look for. */
const QUESTION_WORDS = new Set(
  `what which who whom whose when where why how did does do is are was were will would can could should
tell explain describe discuss discussed happen happened going any anything about there their they them
his her its it the two sides many much more less often long soon kind sort`.split(/\s+/),
);

export interface ScoredClaim {
  claim: RankedClaim;
  /** IDF-weighted share of the question's known terms the claim's sentences contain. */
  coverage: number;
  score: number;
}

/**
 * How well each claim covers a question. `unknownName` is set when the question names something
 * (a capitalised word after the first) that no sentence of the set mentions: such a question
 * cannot be answered from the articles, whatever else matches. Claims missing a required name
 * are left out; the rest are sorted by score, best first.
 */
export function scoreClaimsForQuestion(
  analysis: Analysis,
  question: string,
): { unknownName: boolean; scored: ScoredClaim[] } {
  const required = new Set<string>();
  const terms = new Set<string>();
  tokenize(question).forEach((t, i) => {
    if (QUESTION_WORDS.has(t.lower)) return;
    const term = termOf(t.lower);
    if (!term) return;
    terms.add(term);
    if (i > 0 && /^[A-Z]/.test(t.raw)) required.add(term);
  });
  if ([...required].some((t) => analysis.weights.df(t) === 0)) return { unknownName: true, scored: [] };
  // Other unknown words (the asker's phrasing) are left out of the match.
  const questionTerms = [...terms].filter((t) => analysis.weights.df(t) > 0);
  // The story's protagonists (names in a large share of sentences) are context, not a requirement.
  const common = analysis.sentences.length * 0.1;
  for (const t of required) if (analysis.weights.df(t) > common) required.delete(t);
  if (questionTerms.length === 0) return { unknownName: false, scored: [] };
  const total = questionTerms.reduce((s, t) => s + analysis.weights.idf(t), 0);
  // Question terms as vocabulary ids (all are known: df > 0), so claims are scanned by id
  // without building term strings or sets per claim.
  const weightOf = new Map(questionTerms.map((t) => [analysis.vocabulary.lookup(t) as number, analysis.weights.idf(t)]));
  const requiredIds = [...required].map((t) => analysis.vocabulary.lookup(t) as number);

  const scored: ScoredClaim[] = [];
  const found = new Set<number>();
  for (const claim of analysis.claims) {
    found.clear();
    for (const m of claim.members) for (const id of m.termIds) if (weightOf.has(id)) found.add(id);
    if (requiredIds.some((id) => !found.has(id))) continue;
    let covered = 0;
    for (const id of found) covered += weightOf.get(id) as number;
    const coverage = total > 0 ? covered / total : 0;
    scored.push({ claim, coverage, score: coverage * (1 + 0.1 * claim.salience) });
  }
  scored.sort((a, b) => b.score - a.score);
  return { unknownName: false, scored };
}

/**
 * The k claims most relevant to a question, for a writer that phrases the answer itself (the LLM
 * path). Looser than the offline answer's threshold because the writer can combine several
 * partial matches; empty when the question names something the articles never mention.
 */
export function retrieveClaims(analysis: Analysis, question: string, k: number, minCoverage = 0.3): RankedClaim[] {
  const { unknownName, scored } = scoreClaimsForQuestion(analysis, question);
  if (unknownName) return [];
  return scored
    .filter((s) => s.coverage >= minCoverage)
    .slice(0, k)
    .map((s) => s.claim);
}
