import type { SummitService } from '../../app/summit-service.ts';
import type { EventDedupe } from '../../chat/slack/dedupe.ts';
import type { QueueConfig } from '../../config/queue.ts';
import { loadSlackConfig } from '../../config/slack.ts';
import type { CliCommand, Output } from '../command.ts';
import { UserError } from '../errors.ts';
import { nextSignal } from '../signals.ts';
import { type ChatRunOptions, LOCAL_WARNING, localService, withLocalOptions } from './chat-process.ts';
import { asUserError, queueConfigFromEnv } from './queue-config.ts';

interface Backend {
  service: SummitService;
  /** Shared retry dedupe (Redis); undefined means in-process. */
  dedupe?: EventDedupe;
  close(): Promise<void>;
}

/** `summit slack`: the Bolt app (HTTP or Socket Mode, from SLACK_* variables). */
export const slackCommand: CliCommand = {
  register(program, out) {
    withLocalOptions(
      program
        .command('slack')
        .description('run the Slack app (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, …); briefings and digests come from the queue worker'),
    ).action((opts: ChatRunOptions) => runSlack(opts, out));
  },
};

async function runSlack(opts: ChatRunOptions, out: Output) {
  const config = asUserError(() => loadSlackConfig(process.env));
  const queueConfig = queueConfigFromEnv();
  // Loaded on use, so other commands don't pay for Bolt.
  const { createLogger } = await import('../../ops/logger.ts');
  const { startSlackApp } = await import('../../chat/slack/app.ts');
  const logger = createLogger(queueConfig.logLevel, 'summit-slack');
  const backend: Backend = opts.local
    ? { service: await localService(opts, out, queueConfig.topicsFile), close: async () => {} }
    : await redisBackend(queueConfig);
  if (opts.local) logger.warn({}, LOCAL_WARNING);
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
  const signal = await nextSignal();
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
