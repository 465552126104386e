import { answerQuestion, NOT_COVERED } from '../core/answer.ts';
import type { RankedClaim } from '../core/claim-ranking.ts';
import { sentenceRef } from '../core/ids.ts';
import type { Analysis } from '../core/engine.ts';
import { retrieveClaims, scoreClaimsForQuestion } from '../core/retrieve-claims.ts';
import type { Answer, ThreadLink } from '../core/types.ts';
import { answerContext, type ClaimCatalog } from './condense.ts';
import { fallbackNote } from './fallback.ts';
import { claimCitations } from './cited-claims.ts';
import type { LlmDeps } from './llm-deps.ts';
import { LlmError } from './llm-error.ts';
import { answerOutputSchema, AnswerReplySchema } from './output-schemas.ts';
import { answerMessages } from './render-prompts.ts';
import { acceptable, type Checked, completeVerified } from './verified-completion.ts';
import { verifyStatements } from './verify.ts';

const MAX_CLAIMS = 8;
const MAX_SENTENCES = 3;
const MAX_ANSWER_WORDS = 60;
/** Turns of the thread sent as conversation; older ones rarely matter and cost tokens. */
const MAX_HISTORY_TURNS = 4;

/**
 * Answers through the model from retrieved claims only, with the thread's earlier turns as
 * conversation, verified like briefing points. A question naming something the articles never
 * mention is not covered without asking the model; any failure returns the offline answer with a note.
 */
export async function writeLlmAnswer(
  deps: LlmDeps,
  analysis: Analysis,
  question: string,
  history: ThreadLink['turns'] = [],
): Promise<Answer> {
  const notCovered: Answer = { question, answer: NOT_COVERED, supported: false, citations: [] };
  const claims = threadClaims(analysis, question, history);
  if (claims.length === 0) return notCovered;
  const { data, catalog } = answerContext(analysis, claims);
  const turns = history.slice(-MAX_HISTORY_TURNS).map((t) => ({ question: t.question, answer: t.answer.answer }));
  try {
    return await completeVerified(
      deps,
      {
        purpose: 'answer',
        messages: answerMessages(deps.prompts, { question, data, maxSentences: MAX_SENTENCES, history: turns }),
        output: answerOutputSchema([...catalog.byRef.keys()]),
      },
      (json) => checkAnswer(json, analysis, catalog, question, deps),
      // No statements means the model found the claims do not answer the question: a valid reply.
      (checked) => checked.proposed === 0 || acceptable(checked),
    );
  } catch (error) {
    return { ...answerQuestion(analysis, question), notes: [fallbackNote(deps, 'answer', error)] };
  }
}

/**
 * Claims for the question, then those behind the thread's earlier answers, so a follow-up
 * ("and when?") keeps its subject. A name the articles never mention still means "not covered".
 */
function threadClaims(analysis: Analysis, question: string, history: ThreadLink['turns']): RankedClaim[] {
  if (scoreClaimsForQuestion(analysis, question).unknownName) return [];
  const picked = retrieveClaims(analysis, question, MAX_CLAIMS);
  const claimOf = new Map<string, RankedClaim>();
  for (const claim of analysis.claims) for (const m of claim.members) claimOf.set(sentenceRef(m), claim);
  for (const turn of [...history].reverse()) {
    for (const c of turn.answer.citations) {
      const claim = claimOf.get(sentenceRef(c));
      if (claim && !picked.includes(claim) && picked.length < MAX_CLAIMS) picked.push(claim);
    }
  }
  return picked;
}

function checkAnswer(
  json: unknown,
  analysis: Analysis,
  catalog: ClaimCatalog,
  question: string,
  deps: LlmDeps,
): Checked<Answer> {
  const parsed = AnswerReplySchema.safeParse(json);
  if (!parsed.success) {
    throw new LlmError('llm:invalid-output', `reply does not match the schema: ${parsed.error.message}`);
  }
  const notCovered: Answer = { question, answer: NOT_COVERED, supported: false, citations: [] };
  if (!parsed.data.supported || parsed.data.sentences.length === 0) {
    return { value: notCovered, proposed: 0, accepted: 0, rejected: [] };
  }
  const statements = parsed.data.sentences.slice(0, MAX_SENTENCES);
  const { accepted, rejected } = verifyStatements(statements, catalog, {
    maxWords: MAX_ANSWER_WORDS,
    dictionary: deps.dictionary,
  });
  const value: Answer =
    accepted.length === 0
      ? notCovered // not shown: with nothing accepted, a repair round or the fallback follows
      : {
          question,
          answer: accepted.map((s) => s.text).join(' '),
          supported: true,
          citations: claimCitations(analysis, accepted.flatMap((s) => s.claims)),
        };
  return { value, proposed: statements.length, accepted: accepted.length, rejected };
}
