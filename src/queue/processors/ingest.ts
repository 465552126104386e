import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { checkArticles } from '../../ingest/article-check.ts';
import { MAX_ARTICLES_PER_JOB } from '../../ingest/limits.ts';
import { tooManyArticles } from '../../ingest/reasons.ts';
import type { Processor } from './context.ts';
import { parsePayload } from './payload.ts';

const IngestPayload = z.object({
  storyId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-", "." only (max 64)'),
  articles: z.array(z.unknown()).min(1),
});

/**
 * Stores the job's good articles (once per content) and adds them to the story; each refused one
 * (empty, binary, too large, invalid text or fields) is reported in the result with its position
 * and reason. Malformed job data fails the job without retries.
 */
export const processIngest: Processor<'ingest'> = async (job, { stores, logger }) => {
  const { storyId, articles: items } = parsePayload(IngestPayload, job.data, 'ingest');
  if (items.length > MAX_ARTICLES_PER_JOB) {
    throw new UnrecoverableError(`invalid ingest job data: ${tooManyArticles(items.length, MAX_ARTICLES_PER_JOB)}`);
  }
  const { articles, refused } = checkArticles(items);
  for (const r of refused) logger.warn({ jobId: job.id, storyId, index: r.index, source: r.source }, 'article refused: %s', r.reason);
  if (articles.length === 0) {
    const total = await stores.articles.count(storyId);
    const fingerprint = (await stores.articles.fingerprint(storyId)) ?? '';
    return { stored: 0, addedToStory: 0, alreadyInStory: 0, total, fingerprint, refused };
  }
  const result = await stores.articles.add(storyId, articles);
  logger.info({ jobId: job.id, storyId, ...result, refused: refused.length }, 'articles ingested');
  return { ...result, refused };
};
