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
  // The job's id names the turn: a retried or stalled job, or an append resent after a Redis
  // reconnect, finds it already recorded (the producer gives each question its own job id).
  if (thread) await stores.threads.appendTurn(threadId, turnIdOf(job.id), { question, answer });
  return answer;
};

function turnIdOf(jobId: string | undefined): string {
  // BullMQ always sets the id of a job it hands to a processor.
  if (!jobId) throw new Error('answer job without an id');
  return jobId;
}
