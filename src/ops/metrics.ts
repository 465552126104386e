import type { Job, Queue } from 'bullmq';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { JobObserver } from '../queue/worker.ts';
import type { ProcessorMetrics } from '../queue/processors/context.ts';
import type { RedisCounters } from '../store/redis-counters.ts';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

export interface WorkerMetrics {
  registry: Registry;
  processor: ProcessorMetrics;
  jobs: JobObserver;
}

/**
 * Prometheus metrics of a worker process, in their own registry (no global state). Queue depth
 * and the briefing-cache counters are read from Redis at scrape time, so every worker reports
 * the same cluster-wide values; durations, failures and engine runs are this process's own.
 */
export function createWorkerMetrics(queue: Queue, counters: RedisCounters, registry = new Registry()): WorkerMetrics {
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'summit_queue_jobs',
    help: 'Jobs in the summit queue by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await queue.getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  new Counter({
    name: 'summit_briefing_cache_requests_total',
    help: 'Briefing requests answered from the cache (hit) or through a job (miss), all processes',
    labelNames: ['result'],
    registers: [registry],
    async collect() {
      const values = await counters.read();
      this.reset();
      this.inc({ result: 'hit' }, values.briefing_cache_hit);
      this.inc({ result: 'miss' }, values.briefing_cache_miss);
    },
  });
  const durations = new Histogram({
    name: 'summit_job_duration_seconds',
    help: 'Time from a job starting to finishing, by job name and status',
    labelNames: ['job', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'summit_job_failures_total',
    help: 'Failed job attempts by job name; final="true" when no retry is left',
    labelNames: ['job', 'final'],
    registers: [registry],
  });
  const engineRuns = new Counter({
    name: 'summit_engine_runs_total',
    help: 'Briefings and answers computed by the engine in this process',
    labelNames: ['kind'],
    registers: [registry],
  });
  const digests = new Counter({
    name: 'summit_digests_total',
    help: 'Digest and delivery outcomes',
    labelNames: ['outcome'],
    registers: [registry],
  });

  return {
    registry,
    processor: {
      engineRun: (kind) => engineRuns.inc({ kind }),
      digest: (outcome) => digests.inc({ outcome }),
    },
    jobs: {
      finished(job: Job, status, final) {
        if (job.processedOn && job.finishedOn) {
          durations.observe({ job: job.name, status }, (job.finishedOn - job.processedOn) / 1000);
        }
        if (status === 'failed') failures.inc({ job: job.name, final: String(final) });
      },
    },
  };
}
