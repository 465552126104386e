import { z } from 'zod';
import type { Processor } from './context.ts';
import { parsePayload } from './payload.ts';

const AnswerPayload = z.object({
  threadId: z.string().min(1),
  storyId: z.string().min(1),
  question: z.string().trim().min(1).max(2000),
});

/** Answers a thread question from the story's articles, with the thread's earlier turns as context. */
export const processAnswer: Processor<'answer'> = async (job, { briefings, stores, metrics }) => {
  const { threadId, storyId, question } = parsePayload(AnswerPayload, job.data, 'answer');
  const thread = await stores.threads.get(threadId);
  const answer = await briefings.answer(storyId, question, thread?.turns ?? []);
  metrics.engineRun('answer');
  // Recording the turn is the last step, so a retried job never records it twice.
  if (thread) await stores.threads.appendTurn(threadId, { question, answer });
  return answer;
};
