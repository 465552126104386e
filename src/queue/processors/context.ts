import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Briefings } from '../../app/briefings.ts';
import type { DeliveryRegistry } from '../../app/delivery-registry.ts';
import type { Fetcher } from '../../sources/collect.ts';
import type { Stores } from '../../store/stores.ts';
import type { JobName, JobPayloads, JobResults } from '../jobs.ts';
import type { SummitQueue } from '../summit-queue.ts';

/** Outcome counters the processors report (prom-client in the worker; no-ops in tests that don't care). */
export interface ProcessorMetrics {
  engineRun(kind: 'brief' | 'answer'): void;
  digest(outcome: string): void;
}

/** What every processor may use; built once by the composition root. */
export interface ProcessorContext {
  stores: Stores;
  briefings: Briefings;
  deliveries: DeliveryRegistry;
  queue: SummitQueue;
  logger: Logger;
  metrics: ProcessorMetrics;
  now: () => Date;
  /** How sources are polled; a worker without it fails poll jobs with a clear reason. */
  sources?: { fetcher: Fetcher; maxItemsPerPoll: number };
}

export type Processor<N extends JobName> = (
  job: Job<JobPayloads[N], JobResults[N], N>,
  context: ProcessorContext,
) => Promise<JobResults[N]>;
