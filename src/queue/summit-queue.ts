import { type Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BullConnections } from './connection.ts';
import type { SubscriptionRecord } from '../core/ports/subscription-repository.ts';
import { digestRepeat, digestSchedulerId } from './digest-schedule.ts';
import { jobOptions, type JobSettings } from './job-options.ts';
import { type JobName, type JobPayloads, type JobResults, QUEUE_NAME } from './jobs.ts';

/** BullMQ job scheduler id of a source's polls. */
export function sourceSchedulerId(sourceId: string): string {
  return `source:${sourceId}`;
}

export class JobWaitTimeout extends Error {
  readonly code = 'queue:wait-timeout';

  constructor(jobId: string | undefined, timeoutMs: number) {
    super(`job ${jobId} did not finish within ${timeoutMs} ms`);
    this.name = 'JobWaitTimeout';
  }
}

export interface SummitQueueOptions extends JobSettings {
  /** Made by bullConnections(); closed with the queue. */
  connections: BullConnections;
  /** BullMQ key prefix (StoreKeys.bull()). */
  prefix: string;
  /** Connection errors while Redis is unreachable (BullMQ reconnects by itself). */
  onError?: (error: Error) => void;
}

/** The producer side: typed jobs on the one queue, waiting for results, digest schedulers. */
export class SummitQueue {
  readonly queue: Queue;
  readonly #options: SummitQueueOptions;
  #events: Promise<QueueEvents> | undefined;

  constructor(options: SummitQueueOptions) {
    this.#options = options;
    this.queue = new Queue(QUEUE_NAME, { connection: options.connections.commands, prefix: options.prefix });
    // Without a listener an `error` event would be thrown; reconnecting is BullMQ's job.
    this.queue.on('error', (error) => options.onError?.(error));
    // Every waiting request listens for the queue closing; hundreds may wait at once.
    this.queue.setMaxListeners(0);
  }

  add<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    extra: { jobId?: string; deduplicationId?: string } = {},
  ): Promise<Job<JobPayloads[N], JobResults[N], N>> {
    return this.queue.add(name, data, {
      ...jobOptions(name, this.#options),
      ...(extra.jobId ? { jobId: extra.jobId } : {}),
      ...(extra.deduplicationId ? { deduplication: { id: extra.deduplicationId } } : {}),
    }) as Promise<Job<JobPayloads[N], JobResults[N], N>>;
  }

  /** Resolves with the job's result; rejects with its failure reason, or JobWaitTimeout. */
  async wait<N extends JobName>(job: Job<JobPayloads[N], JobResults[N], N>, timeoutMs: number): Promise<JobResults[N]> {
    const events = await this.#queueEvents();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new JobWaitTimeout(job.id, timeoutMs)), timeoutMs);
    });
    try {
      return (await Promise.race([job.waitUntilFinished(events), timeout])) as JobResults[N];
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * One QueueEvents per producer. It starts reading the event stream at the last event that
   * existed before it was created, not at "$": with "$", an event written between connecting
   * and the first blocking read would be missed, and a fast job's waiter would hang.
   */
  #queueEvents(): Promise<QueueEvents> {
    this.#events ??= (async () => {
      // BullMQ's client wraps ioredis and passes native commands through (its interface lists few).
      const client = (await this.queue.getBackend().client) as unknown as Pick<Redis, 'xrevrange'>;
      const last = await client.xrevrange(this.queue.toKey('events'), '+', '-', 'COUNT', 1);
      // QueueEvents blocks on Redis, so it waits out reconnects even in a fail-fast producer.
      const events = new QueueEvents(QUEUE_NAME, {
        connection: this.#options.connections.blocking,
        prefix: this.#options.prefix,
        lastEventId: last[0]?.[0] ?? '0-0',
      });
      events.on('error', (error) => this.#options.onError?.(error));
      return events;
    })();
    return this.#events;
  }

  async jobState(jobId: string): Promise<string> {
    return this.queue.getJobState(jobId);
  }

  /** Creates or updates the daily digest schedule; `startDate` delays the first run (tests, migrations). */
  async upsertDigestScheduler(record: SubscriptionRecord, options: { startDate?: Date } = {}): Promise<void> {
    const repeat = { ...digestRepeat(record.subscription), ...(options.startDate ? { startDate: options.startDate } : {}) };
    await this.queue.upsertJobScheduler(digestSchedulerId(record.id), repeat, {
      name: 'digest',
      data: { subscriptionId: record.id } satisfies JobPayloads['digest'],
      opts: jobOptions('digest', this.#options),
    });
  }

  async removeDigestScheduler(subscriptionId: string): Promise<void> {
    await this.queue.removeJobScheduler(digestSchedulerId(subscriptionId));
  }

  /** Polls a source every `everyMs` (BullMQ runs the first poll at once). */
  async upsertSourceScheduler(sourceId: string, everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(sourceSchedulerId(sourceId), { every: everyMs }, {
      name: 'poll-source',
      data: { sourceId } satisfies JobPayloads['poll-source'],
      opts: jobOptions('poll-source', this.#options),
    });
  }

  async removeSourceScheduler(sourceId: string): Promise<void> {
    await this.queue.removeJobScheduler(sourceSchedulerId(sourceId));
  }

  async close(): Promise<void> {
    if (this.#events) await (await this.#events).close();
    await this.queue.close();
    await this.#options.connections.close();
  }
}
