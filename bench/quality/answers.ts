import { answerQuestion, NOT_COVERED } from '../../src/core/answer.ts';
import type { Analysis } from '../../src/core/engine.ts';
import type { Question } from './sets.ts';

/** Python regexes of the gold, read by JavaScript: `{PCT}` expanded, case-insensitive. */
export function goldRegex(pattern: string): RegExp {
  return new RegExp(pattern.replaceAll('{PCT}', '(?:\\s*%|\\s*per\\s?cent|\\s*percent)'), 'i');
}

export interface CheckedAnswer {
  question: Question;
  answer: string;
  right: boolean;
}

/** Answers a question from the analysis and checks it: the expected patterns, or "don't say". */
export function checkAnswer(analysis: Analysis, question: Question): CheckedAnswer {
  const { answer } = answerQuestion(analysis, question.q);
  const right = question.unanswerable
    ? answer === NOT_COVERED
    : (question.expect ?? []).every((p) => goldRegex(p).test(answer));
  return { question, answer, right };
}
