import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { pollSource } from '../../sources/poll-source.ts';
import type { Processor } from './context.ts';
import { parsePayload } from './payload.ts';

const PollPayload = z.object({ sourceId: z.string().regex(/^[0-9a-f]{24}$/, 'a source id (24 hex digits)') });

/**
 * Polls one source. A source that cannot be read completes the job with `failed` and the reason
 * (recorded on the source and logged); the job itself fails only when the store does.
 */
export const processPollSource: Processor<'poll-source'> = async (job, context) => {
  const { sourceId } = parsePayload(PollPayload, job.data, 'poll-source');
  if (!context.sources) throw new UnrecoverableError('this worker was started without a fetcher, so it cannot poll sources');
  const outcome = await pollSource(sourceId, {
    sources: context.stores.sources,
    articles: context.stores.articles,
    fetcher: context.sources.fetcher,
    maxItemsPerPoll: context.sources.maxItemsPerPoll,
    logger: context.logger.child({ jobId: job.id }),
    now: context.now,
  });
  if (outcome.status === 'gone') {
    // Removed while its scheduler still fired (or a stale job): stop the schedule for good.
    await context.queue.removeSourceScheduler(sourceId);
  }
  return outcome;
};
