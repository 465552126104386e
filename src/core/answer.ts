import { compressSentence } from './compress.ts';
import type { Analysis } from './engine.ts';
import { scoreClaimsForQuestion } from './retrieve-claims.ts';
import type { Answer } from './types.ts';

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
  const notCovered: Answer = { question, answer: NOT_COVERED, supported: false, citations: [] };
  const { unknownName, scored: all } = scoreClaimsForQuestion(analysis, question);
  if (unknownName) return notCovered;
  const scored = all.filter((x) => x.coverage >= options.minCoverage);
  if (scored.length === 0) return notCovered;

  const picked: typeof scored = [];
  for (const candidate of scored) {
    if (picked.length >= options.maxSentences) break;
    if (candidate.score < (scored[0]?.score ?? 0) * 0.6) break;
    const similar = picked.some((p) => analysis.weights.similarity(p.claim.display, candidate.claim.display) > 0.4);
    if (!similar) picked.push(candidate);
  }
  return {
    question,
    answer: picked.map((p) => compressSentence(p.claim.display.text, 60)).join(' '),
    supported: true,
    citations: picked
      .flatMap((p) => [p.claim.display, ...p.claim.supporting.filter((m) => m !== p.claim.display)])
      .map(analysis.cite),
  };
}
