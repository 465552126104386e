import type { Answer, ThreadLink } from '../types.ts';

/** Chat threads opened by a briefing or digest, and the questions asked in them. */
export interface ThreadRepository {
  link(link: Omit<ThreadLink, 'turns'>): Promise<void>;
  get(threadId: string): Promise<ThreadLink | undefined>;
  /** Appends a question and its answer; older turns beyond the kept window are dropped. */
  appendTurn(threadId: string, turn: { question: string; answer: Answer }): Promise<void>;
}
