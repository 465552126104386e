import { answerQuestion } from '../core/answer.ts';
import { briefingFromAnalysis, ENGINE_NAME, ENGINE_VERSION } from '../core/engine.ts';
import type { AnswerRequest, BriefingRequest, Writer } from './writer.ts';

export const OFFLINE_ENGINE = `${ENGINE_NAME}/${ENGINE_VERSION}`;

/** The offline engine behind the writer port: extractive, no services, the default. */
export class OfflineWriter implements Writer {
  readonly engine = OFFLINE_ENGINE;
  readonly cacheKeyPart = `offline:${OFFLINE_ENGINE}`;

  async brief({ analysis, options }: BriefingRequest) {
    return briefingFromAnalysis(analysis, options);
  }

  // The offline answer reads only the question; earlier turns add nothing it can use.
  async answer({ analysis, question }: AnswerRequest) {
    return answerQuestion(analysis, question);
  }
}
