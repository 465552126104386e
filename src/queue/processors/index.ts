import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { UnknownStoryError } from '../../app/local-service.ts';
import type { JobName } from '../jobs.ts';
import { processAnswer } from './answer.ts';
import { processBrief } from './brief.ts';
import type { Processor, ProcessorContext } from './context.ts';
import { processDeliverDigest } from './deliver-digest.ts';
import { processDigest } from './digest.ts';
import { processIngest } from './ingest.ts';
import { processPollSource } from './poll-source.ts';

const PROCESSORS: { [N in JobName]: Processor<N> } = {
  brief: processBrief,
  digest: processDigest,
  'deliver-digest': processDeliverDigest,
  answer: processAnswer,
  ingest: processIngest,
  'poll-source': processPollSource,
};

/**
 * Routes a job to its processor by name. An unknown name cannot succeed on retry, and neither can
 * a job about a story without articles (retrying will not add any).
 */
export async function routeJob(job: Job, context: ProcessorContext): Promise<unknown> {
  const processor = PROCESSORS[job.name as JobName] as Processor<JobName> | undefined;
  if (!processor) throw new UnrecoverableError(`no processor for job "${job.name}"`);
  try {
    return await processor(job as Parameters<Processor<JobName>>[0], context);
  } catch (error) {
    if (error instanceof UnknownStoryError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
