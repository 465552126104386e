import type { SummitService } from '../../app/summit-service.ts';
import type { EventDedupe } from '../../chat/slack/dedupe.ts';
import { ConfigError } from '../../config/parse-env.ts';
import type { QueueConfig } from '../../config/queue.ts';
import { loadSlackConfig, type SlackConfig } from '../../config/slack.ts';
import type { CliCommand, Output } from '../command.ts';
import { UserError } from '../errors.ts';
import { fetchConfigFromEnv, queueConfigFromEnv } from './queue-config.ts';

interface RunOptions {
  local?: boolean;
  articles?: string;
  topics?: string;
}

interface Backend {
  service: SummitService;
  /** Shared retry dedupe (Redis); undefined means in-process. */
  dedupe?: EventDedupe;
  close(): Promise<void>;
}

/** `summit slack`: the Bolt app (HTTP or Socket Mode, from SLACK_* variables). */
export const slackCommand: CliCommand = {
  register(program, out) {
    program
      .command('slack')
      .description('run the Slack app (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, …); briefings and digests come from the queue worker')
      .option('--local', 'no Redis: an in-process service over --articles (subscriptions stay in memory; no digests are posted)')
      .option('--articles <path>', 'with --local: directory or file of articles (default: the bundled demo set)')
      .option('--topics <file>', 'with --local: topics JSON file (default: TOPICS_FILE or trade, defence, China)')
      .action((opts: RunOptions) => runSlack(opts, out));
  },
};

function slackConfig(): SlackConfig {
  try {
    return loadSlackConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, error.code, 1);
    throw error;
  }
}

async function runSlack(opts: RunOptions, out: Output) {
  const config = slackConfig();
  const queueConfig = queueConfigFromEnv();
  // Loaded on use, so other commands don't pay for Bolt.
  const { createLogger } = await import('../../ops/logger.ts');
  const { startSlackApp } = await import('../../chat/slack/app.ts');
  const logger = createLogger(queueConfig.logLevel, 'summit-slack');
  const backend = opts.local ? await localBackend(opts, out, queueConfig.topicsFile) : await redisBackend(queueConfig);
  if (opts.local) {
    logger.warn({}, 'in-process service (--local): subscriptions are kept in memory and no digests are posted; run `summit worker` with Redis for digests');
  }
  let running;
  try {
    running = await startSlackApp(config, { service: backend.service, logger, ...(backend.dedupe ? { dedupe: backend.dedupe } : {}) });
  } catch (error) {
    await backend.close();
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof slackError === 'string') {
      throw new UserError(`Slack refused to start the app: ${slackError} (check SLACK_BOT_TOKEN${config.mode === 'socket' ? ' and SLACK_APP_TOKEN' : ''})`, 'slack:start', 1);
    }
    throw error;
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info({ signal }, 'shutting down');
  await running.stop();
  await backend.close();
}

async function redisBackend(queueConfig: QueueConfig): Promise<Backend> {
  const { createRedisSummitService } = await import('../../app/create-redis-service.ts');
  const { RedisEventDedupe } = await import('../../chat/slack/redis-dedupe.ts');
  const handle = await createRedisSummitService(queueConfig);
  return { service: handle.service, dedupe: new RedisEventDedupe(handle.redis, queueConfig.keyPrefix), close: () => handle.close() };
}

async function localBackend(opts: RunOptions, out: Output, topicsFile: string | undefined): Promise<Backend> {
  const { loadArticleSet } = await import('../article-set.ts');
  const { loadTopics } = await import('../topics-file.ts');
  const { englishWords } = await import('../../lexicon/english-words.ts');
  const { LocalSummitService } = await import('../../app/local-service.ts');
  const { createFetcher } = await import('../../ingest/fetch/create-fetcher.ts');
  const set = await loadArticleSet(opts.articles, out.stderr);
  const topics = await loadTopics(opts.topics ?? topicsFile);
  // `source add` reads a feed or page once here (no worker polls it later).
  const fetcher = createFetcher(fetchConfigFromEnv());
  const service = new LocalSummitService([{ id: set.story, articles: set.articles }], { topics, dictionary: englishWords() }, { fetcher });
  return { service, close: async () => {} };
}
