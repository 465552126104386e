import { loadArticleSet } from '../article-set.ts';
import type { CliCommand } from '../command.ts';
import { UserError } from '../errors.ts';
import { positiveInt } from './article-set-options.ts';
import { queueConfigFromEnv } from './queue-config.ts';

const STORY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export const ingestCommand: CliCommand = {
  register(program, out) {
    program
      .command('ingest')
      .description('add the articles of a file or directory to a story, through the queue (needs a running worker)')
      .argument('<path>', 'directory or file of articles')
      .option('--story <id>', 'story id (default: DEFAULT_STORY, i.e. summit-2025)')
      .option('--timeout <seconds>', 'how long to wait for the worker', positiveInt, 120)
      .action(async (path: string, opts: { story?: string; timeout: number }) => {
        const config = queueConfigFromEnv();
        const storyId = opts.story ?? config.defaultStory;
        if (!STORY_ID.test(storyId)) {
          throw new UserError(`story id "${storyId}" may use letters, digits, "_", "-" and "." only (max 64)`, 'cli:usage', 2);
        }
        const set = await loadArticleSet(path, out.stderr);
        // Loaded on use, so other commands don't pay for BullMQ.
        const { bullConnection } = await import('../../queue/connection.ts');
        const { enqueueIngest, waitForIngest } = await import('../../queue/ingest-client.ts');
        const { JobWaitTimeout, SummitQueue } = await import('../../queue/summit-queue.ts');
        const { StoreKeys } = await import('../../store/keys.ts');
        const queue = new SummitQueue({
          connection: bullConnection(config.redisUrl, 'producer'),
          prefix: new StoreKeys(config.keyPrefix).bull(),
          deliveryAttempts: config.deliveryAttempts,
          deliveryBackoffMs: config.deliveryBackoffMs,
        });
        try {
          const jobs = await enqueueIngest(queue, storyId, set.articles);
          out.stderr(`summit: queued ${set.articles.length} article(s) for story ${storyId} in ${jobs.length} job(s)\n`);
          const result = await waitForIngest(queue, jobs, opts.timeout * 1000).catch((error: unknown) => {
            if (error instanceof JobWaitTimeout) {
              throw new UserError(
                `no worker finished the ingest within ${opts.timeout} s (jobs ${jobs.map((j) => j.id).join(', ')} stay queued); is \`summit worker\` running?`,
                'cli:worker-timeout',
              );
            }
            throw new UserError(`ingest failed: ${(error as Error).message}`, 'cli:ingest-failed');
          });
          out.stdout(
            `${storyId}: ${result.addedToStory} article(s) added (${result.stored} new to the store), ` +
              `${result.alreadyInStory} already in the story; the story has ${result.total} article(s).\n`,
          );
        } finally {
          await queue.close();
        }
      });
  },
};
