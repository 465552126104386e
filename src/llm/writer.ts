import type { Analysis, EngineOptions } from '../core/engine.ts';
import type { Answer, Briefing, ThreadLink } from '../core/types.ts';

export interface BriefingRequest {
  analysis: Analysis;
  options: EngineOptions & { topic?: string };
}

export interface AnswerRequest {
  analysis: Analysis;
  question: string;
  /** Earlier turns of the thread, oldest first. */
  history?: ThreadLink['turns'];
}

/**
 * Writes the briefing of an analysed set. Every implementation returns the same Briefing
 * contract, so renderers do not care which wrote it; `briefing.engine` says which did, and
 * `briefing.notes` carries anything a reader must know (such as a fallback to the offline engine).
 * Never rejects for a model failure: that ends in the offline briefing with a note.
 */
export interface BriefingWriter {
  /** Name and version written into `briefing.engine`. */
  readonly engine: string;
  /** Changes whenever output for the same articles could change (engine, model, prompts). */
  readonly cacheKeyPart: string;
  brief(request: BriefingRequest): Promise<Briefing>;
}

/** Answers a question from the articles only, or says "The articles don't say." */
export interface AnswerWriter {
  answer(request: AnswerRequest): Promise<Answer>;
}

export type Writer = BriefingWriter & AnswerWriter;
