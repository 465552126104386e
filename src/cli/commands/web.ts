import { loadWebConfig } from '../../config/web.ts';
import type { CliCommand } from '../command.ts';
import { nextSignal } from '../signals.ts';
import { asUserError, queueConfigFromEnv } from './queue-config.ts';

/** `summit web`: the briefing and article pages, read from the same Redis as the worker. */
export const webCommand: CliCommand = {
  register(program) {
    program
      .command('web')
      .description('serve the full briefing and article pages that chat posts link to, with /healthz and /metrics (WEB_ACCESS_TOKEN, WEB_PORT)')
      .action(async () => {
        const config = asUserError(() => loadWebConfig(process.env));
        const queueConfig = queueConfigFromEnv();
        // Loaded on use, so other commands don't pay for Express.
        const { createLogger } = await import('../../ops/logger.ts');
        const { closeRedis, storeRedis } = await import('../../queue/connection.ts');
        const { createStores } = await import('../../store/stores.ts');
        const { startWebServer } = await import('../../web/server.ts');
        const logger = createLogger(queueConfig.logLevel, 'summit-web');
        const redis = storeRedis(queueConfig.redis, 'producer', 'summit-web');
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
        const signal = await nextSignal();
        logger.info({ signal }, 'shutting down');
        await server.close();
        await closeRedis(redis);
      });
  },
};
