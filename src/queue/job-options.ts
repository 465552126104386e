import type { JobsOptions } from 'bullmq';
import type { JobName } from './jobs.ts';

export interface JobSettings {
  deliveryAttempts: number;
  deliveryBackoffMs: number;
}

/** BullMQ priorities: jobs without one are taken first, so chat requests skip ahead of batch work. */
const BACKGROUND = 10;

/**
 * Retries, backoff and retention per job. Failed digests, deliveries and ingests are kept (they
 * are retried from Bull Board or `queue.retryJobs`); failed briefs and answers are kept for a
 * day for inspection — the next request simply makes a new job.
 */
export function jobOptions(name: JobName, settings: JobSettings): JobsOptions {
  switch (name) {
    case 'brief':
    case 'answer':
      return {
        attempts: 2,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 86_400, count: 1000 },
      };
    case 'ingest':
      return {
        priority: BACKGROUND,
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 86_400, count: 1000 },
        removeOnFail: false,
      };
    case 'poll-source':
      // Unreadable sources are recorded on the source, not failed; a failure here is the store's,
      // and the next scheduled poll is the retry that matters.
      return {
        priority: BACKGROUND,
        attempts: 2,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: { age: 86_400, count: 1000 },
        removeOnFail: { age: 7 * 86_400, count: 1000 },
      };
    case 'digest':
      return {
        priority: BACKGROUND,
        attempts: 5,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: { age: 7 * 86_400, count: 5000 },
        removeOnFail: false,
      };
    case 'deliver-digest':
      return {
        priority: BACKGROUND,
        attempts: settings.deliveryAttempts,
        // 10 s, 20 s, 40 s ... by default: 8 attempts ride out a platform outage of about 40 minutes.
        backoff: { type: 'exponential', delay: settings.deliveryBackoffMs },
        removeOnComplete: { age: 7 * 86_400, count: 5000 },
        removeOnFail: false,
      };
  }
}
