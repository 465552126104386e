import type { Job } from 'bullmq';
import type { AddArticlesResult } from '../core/ports/article-repository.ts';
import type { ArticleInput } from '../core/types.ts';
import type { IngestJobResult, JobResults } from './jobs.ts';
import type { SummitQueue } from './summit-queue.ts';

/** Articles per ingest job: keeps job data well under a megabyte or so for ordinary articles. */
export const INGEST_BATCH = 100;

/** Queues articles for a story in batches; a `jobIdPrefix` makes the batches idempotent. */
export async function enqueueIngest(
  queue: SummitQueue,
  storyId: string,
  articles: ArticleInput[],
  jobIdPrefix?: string,
): Promise<Job<unknown, JobResults['ingest']>[]> {
  const jobs: Job<unknown, JobResults['ingest']>[] = [];
  for (let i = 0; i < articles.length; i += INGEST_BATCH) {
    const batch = articles.slice(i, i + INGEST_BATCH);
    const jobId = jobIdPrefix ? `${jobIdPrefix}-${i / INGEST_BATCH}` : undefined;
    jobs.push(await queue.add('ingest', { storyId, articles: batch }, jobId ? { jobId } : {}));
  }
  return jobs;
}

/** Waits for every batch and sums what they did (total and fingerprint are the last batch's; refusals indexed in `articles`). */
export async function waitForIngest(
  queue: SummitQueue,
  jobs: Job<unknown, JobResults['ingest']>[],
  timeoutMs: number,
  onBatchDone?: (done: number, total: number) => void,
): Promise<IngestJobResult> {
  let done = 0;
  const results = await Promise.all(
    jobs.map(async (job) => {
      const result = await queue.wait(job as Parameters<SummitQueue['wait']>[0], timeoutMs);
      onBatchDone?.(++done, jobs.length);
      return result;
    }),
  );
  const sum = (key: 'stored' | 'addedToStory' | 'alreadyInStory') => results.reduce((n, r) => n + (r as AddArticlesResult)[key], 0);
  // Batches are INGEST_BATCH articles each, in order: a refused index is the batch's offset plus its own.
  const refused = results.flatMap((r, batch) =>
    ((r as Partial<IngestJobResult>).refused ?? []).map((item) => ({ ...item, index: batch * INGEST_BATCH + item.index })),
  );
  const last = results.reduce((a, b) => ((b as AddArticlesResult).total >= (a as AddArticlesResult).total ? b : a)) as AddArticlesResult;
  return {
    stored: sum('stored'),
    addedToStory: sum('addedToStory'),
    alreadyInStory: sum('alreadyInStory'),
    total: last.total,
    fingerprint: last.fingerprint,
    refused,
  };
}
