import { compressSentence } from './compress.ts';
import type { Analysis } from './engine.ts';
import { weightedJaccard } from './features.ts';
import { termOf, tokenize } from './text/tokens.ts';
import type { Answer } from './types.ts';

/** Words that shape a question but carry no content to look for. */
const QUESTION_WORDS = new Set(
  `what which who whom whose when where why how did does do is are was were will would can could should
tell explain describe discuss discussed happen happened going any anything about there their they them
his her its it the two sides many much more less often long soon kind sort`.split(/\s+/),
);

export const NOT_COVERED = "The articles don't say.";

export interface AnswerOptions {
  /** Minimum share (IDF-weighted) of the question's terms a supporting sentence must contain. */
  minCoverage: number;
  maxSentences: number;
}

const DEFAULT_ANSWER_OPTIONS: AnswerOptions = { minCoverage: 0.5, maxSentences: 3 };

/**
 * Answers from the article set only: finds the claims that cover the question's terms and
 * quotes them with citations. Names in the question (Taiwan, Kishida) must appear in the
 * supporting sentence, so a question about something never mentioned is "not covered", not guessed.
 */
export function answerQuestion(
  analysis: Analysis,
  question: string,
  options = DEFAULT_ANSWER_OPTIONS,
): Answer {
  const tokens = tokenize(question);
  const required = new Set<string>();
  const terms = new Set<string>();
  tokens.forEach((t, i) => {
    if (QUESTION_WORDS.has(t.lower)) return;
    const term = termOf(t.lower);
    if (!term) return;
    terms.add(term);
    if (i > 0 && /^[A-Z]/.test(t.raw)) required.add(term);
  });
  const notCovered: Answer = { question, answer: NOT_COVERED, supported: false, citations: [] };
  // A name the articles never mention cannot be answered from them; other unknown words
  // (the asker's phrasing) are left out of the match.
  if ([...required].some((t) => analysis.weights.df(t) === 0)) return notCovered;
  const questionTerms = [...terms].filter((t) => analysis.weights.df(t) > 0);
  // The story's protagonists (names in a large share of sentences) are context, not a requirement.
  const common = analysis.sentences.length * 0.1;
  for (const t of required) if (analysis.weights.df(t) > common) required.delete(t);
  if (questionTerms.length === 0) return notCovered;
  const total = questionTerms.reduce((s, t) => s + analysis.weights.idf(t), 0);

  const scored = analysis.claims
    .map((claim) => {
      const memberTerms = new Set(claim.members.flatMap((m) => m.terms));
      if ([...required].some((t) => !memberTerms.has(t))) return undefined;
      const covered = questionTerms
        .filter((t) => memberTerms.has(t))
        .reduce((s, t) => s + analysis.weights.idf(t), 0);
      const coverage = total > 0 ? covered / total : 0;
      return { claim, coverage, score: coverage * (1 + 0.1 * claim.salience) };
    })
    .filter((x): x is NonNullable<typeof x> => x !== undefined && x.coverage >= options.minCoverage)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return notCovered;

  const picked: typeof scored = [];
  for (const candidate of scored) {
    if (picked.length >= options.maxSentences) break;
    if (candidate.score < (scored[0]?.score ?? 0) * 0.6) break;
    const similar = picked.some(
      (p) => weightedJaccard(p.claim.display.terms, candidate.claim.display.terms, analysis.weights) > 0.4,
    );
    if (!similar) picked.push(candidate);
  }
  return {
    question,
    answer: picked.map((p) => compressSentence(p.claim.display.text, 60)).join(' '),
    supported: true,
    citations: picked
      .flatMap((p) => [p.claim.display, ...p.claim.members.filter((m) => m !== p.claim.display)])
      .map(analysis.cite),
  };
}
