import { z } from 'zod';
import type { Processor } from './context.ts';
import { parsePayload } from './payload.ts';

const Article = z.object({
  source: z.string().min(1).max(2000),
  title: z.string().max(1000).optional(),
  url: z.string().max(4000).optional(),
  outlet: z.string().max(500).optional(),
  publishedAt: z.string().max(100).optional(),
  text: z.string().trim().min(1),
});

const IngestPayload = z.object({
  storyId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-", "." only (max 64)'),
  articles: z.array(Article).min(1).max(10_000),
});

/** Stores articles (once per content) and adds them to the story, which changes its fingerprint. */
export const processIngest: Processor<'ingest'> = async (job, { stores, logger }) => {
  const { storyId, articles } = parsePayload(IngestPayload, job.data, 'ingest');
  const result = await stores.articles.add(storyId, articles);
  logger.info({ jobId: job.id, storyId, ...result }, 'articles ingested');
  return result;
};
