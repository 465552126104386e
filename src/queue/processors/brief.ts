import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import type { Processor } from './context.ts';
import { parsePayload } from './payload.ts';

const BriefPayload = z.object({ storyId: z.string().min(1), topic: z.string().min(1).optional() });

/** Briefs a story through the cache; the engine runs only when the article set is new. */
export const processBrief: Processor<'brief'> = async (job, { briefings, metrics }) => {
  const { storyId, topic } = parsePayload(BriefPayload, job.data, 'brief');
  if (topic && !(await briefings.topicsOf(storyId)).some((t) => t.id === topic)) {
    throw new UnrecoverableError(`unknown topic "${topic}"`);
  }
  const result = await briefings.brief(storyId, topic);
  if (result.computed) metrics.engineRun('brief');
  return { briefingId: result.briefingId, computed: result.computed };
};
