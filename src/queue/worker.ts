import { type ConnectionOptions, type Job, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { QUEUE_NAME } from './jobs.ts';
import { routeJob } from './processors/index.ts';
import type { ProcessorContext } from './processors/context.ts';

export interface WorkerSettings {
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

/** Observes finished jobs (metrics); kept apart so the worker needs no metrics library. */
export interface JobObserver {
  finished(job: Job, status: 'completed' | 'failed', final: boolean): void;
}

/**
 * The BullMQ worker that runs every summit job. Listeners for `error` are attached (an
 * unhandled `error` event would crash the process on a Redis blip); failures are logged with
 * whether BullMQ will retry.
 */
export function createSummitWorker(settings: WorkerSettings, context: ProcessorContext, observer?: JobObserver): Worker {
  const worker = new Worker(QUEUE_NAME, (job) => routeJob(job, context), {
    connection: settings.connection,
    prefix: settings.prefix,
    concurrency: settings.concurrency,
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
    // A job that stalls twice (its worker died twice) is more likely the cause than the victim.
    maxStalledCount: 2,
  });
  const log: Logger = context.logger;
  worker.on('error', (error) => log.error({ err: error }, 'worker error'));
  worker.on('completed', (job) => {
    log.debug({ jobId: job.id, job: job.name, ms: duration(job) }, 'job completed');
    observer?.finished(job, 'completed', true);
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
    log.warn(
      { jobId: job.id, job: job.name, attempt: job.attemptsMade, final, err: error },
      final ? 'job failed; kept in the failed set' : 'job failed; will retry',
    );
    observer?.finished(job, 'failed', final);
  });
  worker.on('stalled', (jobId) => log.warn({ jobId }, 'job stalled (its worker stopped); moved back to wait'));
  return worker;
}

function duration(job: Job): number | undefined {
  return job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined;
}
