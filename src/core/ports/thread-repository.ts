import type { Answer, ThreadLink } from '../types.ts';

/** Chat threads opened by a briefing or digest, and the questions asked in them. */
export interface ThreadRepository {
  link(link: Omit<ThreadLink, 'turns'>): Promise<void>;
  get(threadId: string): Promise<ThreadLink | undefined>;
  /**
   * Appends a question and its answer; older turns beyond the kept window are dropped. `turnId`
   * names the turn (the answer job's id), so appending it again — a retried job, a command resent
   * after a reconnect — changes nothing. Returns false when the turn was already there.
   */
  appendTurn(threadId: string, turnId: string, turn: { question: string; answer: Answer }): Promise<boolean>;
}
