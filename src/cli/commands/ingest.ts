import { loadArticleSet } from '../article-set.ts';
import type { CliCommand } from '../command.ts';
import { UserError } from '../errors.ts';
import { terminalProgress } from '../progress.ts';
import { articlesFromUrl, isWebAddress } from '../url-articles.ts';
import { parseKeywords } from '../../ingest/feeds/keywords.ts';
import { positiveInt } from './article-set-options.ts';
import { fetchConfigFromEnv, queueConfigFromEnv } from './queue-config.ts';

const STORY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export const ingestCommand: CliCommand = {
  register(program, out) {
    program
      .command('ingest')
      .description('add the articles of a file, directory, article page or RSS/Atom feed to a story, through the queue (needs a running worker)')
      .argument('<path|url>', 'directory or file of articles, or the http(s) address of an article page or feed')
      .option('--story <id>', 'story id (default: DEFAULT_STORY, i.e. summit-2025)')
      .option('--timeout <seconds>', 'how long to wait for the worker', positiveInt, 120)
      .option('--keywords <words>', 'URL only: keep articles mentioning one of these (e.g. \'steel "trade deal" tariff*\')')
      .option('--max-items <n>', 'URL only: feed items to fetch at most', positiveInt, 200)
      .action(async (path: string, opts: { story?: string; timeout: number; keywords?: string; maxItems: number }) => {
        const config = queueConfigFromEnv();
        const storyId = opts.story ?? config.defaultStory;
        if (!STORY_ID.test(storyId)) {
          throw new UserError(`story id "${storyId}" may use letters, digits, "_", "-" and "." only (max 64)`, 'cli:usage', 2);
        }
        const set = isWebAddress(path) ? { articles: await fromUrl(path, opts, out.stderr) } : await loadArticleSet(path, out.stderr);
        // Loaded on use, so other commands don't pay for BullMQ.
        const { bullConnections } = await import('../../queue/connection.ts');
        const { enqueueIngest, waitForIngest } = await import('../../queue/ingest-client.ts');
        const { JobWaitTimeout, SummitQueue } = await import('../../queue/summit-queue.ts');
        const { keyLayoutFor, StoreKeys } = await import('../../store/keys.ts');
        const queue = new SummitQueue({
          connections: bullConnections(config.redis, 'producer'),
          prefix: new StoreKeys(config.keyPrefix, keyLayoutFor(config.redis)).bull(),
          deliveryAttempts: config.deliveryAttempts,
          deliveryBackoffMs: config.deliveryBackoffMs,
        });
        try {
          const jobs = await enqueueIngest(queue, storyId, set.articles);
          out.stderr(`summit: queued ${set.articles.length} article(s) for story ${storyId} in ${jobs.length} job(s)\n`);
          const progress = jobs.length > 1 ? terminalProgress('ingest batches') : undefined;
          const result = await waitForIngest(queue, jobs, opts.timeout * 1000, (done, total) => progress?.update(done, total)).finally(() => progress?.stop()).catch((error: unknown) => {
            if (error instanceof JobWaitTimeout) {
              throw new UserError(
                `no worker finished the ingest within ${opts.timeout} s (jobs ${jobs.map((j) => j.id).join(', ')} stay queued); is \`summit worker\` running?`,
                'cli:worker-timeout',
              );
            }
            throw new UserError(`ingest failed: ${(error as Error).message}`, 'cli:ingest-failed');
          });
          for (const refused of result.refused) {
            const article = set.articles[refused.index];
            out.stderr(`summit: warning: ${refused.source ?? article?.source ?? `article ${refused.index + 1}`}: refused by the worker: ${refused.reason}\n`);
          }
          out.stdout(
            `${storyId}: ${result.addedToStory} article(s) added (${result.stored} new to the store), ` +
              `${result.alreadyInStory} already in the story` +
              (result.refused.length > 0 ? `, ${result.refused.length} refused` : '') +
              `; the story has ${result.total} article(s).\n`,
          );
        } finally {
          await queue.close();
        }
      });
  },
};

/** Fetches a feed's items or an article page (FETCH_* settings), with a progress bar on a terminal. */
async function fromUrl(url: string, opts: { keywords?: string; maxItems: number }, stderr: (text: string) => void) {
  const keywords = parseKeywords(opts.keywords ?? '');
  if ('error' in keywords) throw new UserError(`--keywords: ${keywords.error}`, 'cli:usage', 2);
  const { createFetcher } = await import('../../ingest/fetch/create-fetcher.ts');
  return articlesFromUrl(url, {
    fetcher: createFetcher(fetchConfigFromEnv()),
    keywords: keywords.keywords,
    maxItems: opts.maxItems,
    stderr,
    progress: terminalProgress('fetching feed items'),
  });
}
