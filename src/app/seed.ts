import type { Logger } from 'pino';
import { BUNDLED_SET } from '../ingest/bundled-data.ts';
import type { ArticleRepository } from '../core/ports/article-repository.ts';
import { readArticles } from '../ingest/read-articles.ts';
import { enqueueIngest } from '../queue/ingest-client.ts';
import type { SummitQueue } from '../queue/summit-queue.ts';

/**
 * Seeds the default story on first start, through the same ingest jobs as `summit ingest`.
 * Fixed job ids make two workers starting together queue the seed once.
 */
export async function seedDefaultStory(
  deps: { articles: ArticleRepository; queue: SummitQueue; logger: Logger },
  storyId: string,
  path: string | null | undefined,
): Promise<void> {
  if (path === null) return;
  if ((await deps.articles.count(storyId)) > 0) return;
  const source = path ?? BUNDLED_SET;
  const { articles, warnings } = await readArticles(source);
  for (const w of warnings) deps.logger.warn({ file: w.file, reason: w.reason }, 'seed article skipped');
  if (articles.length === 0) {
    deps.logger.warn({ source, storyId }, 'no usable seed articles; the default story stays empty');
    return;
  }
  await enqueueIngest(deps.queue, storyId, articles, `seed-${storyId}`);
  deps.logger.info({ storyId, source, articles: articles.length }, 'default story was empty; seed queued');
}
