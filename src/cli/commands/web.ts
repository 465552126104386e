import { ConfigError } from '../../config/parse-env.ts';
import { loadWebConfig, type WebConfig } from '../../config/web.ts';
import type { CliCommand } from '../command.ts';
import { UserError } from '../errors.ts';
import { queueConfigFromEnv } from './queue-config.ts';

/** `summit web`: the briefing and article pages, read from the same Redis as the worker. */
export const webCommand: CliCommand = {
  register(program) {
    program
      .command('web')
      .description('serve the full briefing and article pages that chat posts link to, with /healthz and /metrics (WEB_ACCESS_TOKEN, WEB_PORT)')
      .action(async () => {
        const config = webConfigFromEnv();
        const queueConfig = queueConfigFromEnv();
        // Loaded on use, so other commands don't pay for Express.
        const { createLogger } = await import('../../ops/logger.ts');
        const { storeRedis } = await import('../../queue/connection.ts');
        const { createStores } = await import('../../store/stores.ts');
        const { startWebServer } = await import('../../web/server.ts');
        const logger = createLogger(queueConfig.logLevel, 'summit-web');
        const redis = storeRedis(queueConfig.redisUrl, 'producer', 'summit-web');
        redis.on('error', (error) => logger.warn({ err: error }, 'store connection error (reconnecting)'));
        const stores = createStores(redis, queueConfig.keyPrefix, { briefingTtlSeconds: queueConfig.briefingTtlSeconds });
        const server = await startWebServer({
          port: config.port,
          host: config.host,
          ...(config.accessToken ? { accessToken: config.accessToken } : {}),
          briefings: stores.briefings,
          articlePages: stores.articlePages,
          keptDays: Math.round(queueConfig.briefingTtlSeconds / 86_400),
          redis,
          logger,
        });
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once('SIGTERM', () => resolve('SIGTERM'));
          process.once('SIGINT', () => resolve('SIGINT'));
        });
        logger.info({ signal }, 'shutting down');
        await server.close();
        await redis.quit().catch(() => redis.disconnect());
      });
  },
};

function webConfigFromEnv(): WebConfig {
  try {
    return loadWebConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, error.code, 1);
    throw error;
  }
}
