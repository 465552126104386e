import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SummitService } from '../../app/summit-service.ts';
import type { SlackConfig } from '../../config/slack.ts';
import { type EventDedupe, MemoryEventDedupe } from './dedupe.ts';
import type { SlackDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';
import { boltLogger } from './logger.ts';
import { SLACK_RETRY_CONFIG } from './retry.ts';

/** For load balancers and compose health checks; needs no signature. */
const HEALTH_ROUTE: CustomRoute = {
  path: '/healthz',
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  },
};

export interface SlackAppOptions {
  service: SummitService;
  logger: Logger;
  /** Shared across instances when several run; in-process by default. */
  dedupe?: EventDedupe;
}

export interface RunningSlackApp {
  app: App;
  mode: SlackConfig['mode'];
  /** The HTTP port listened on (HTTP mode only). */
  port?: number;
  stop(): Promise<void>;
}

/**
 * Builds the unmodified Bolt app for the configured mode — HTTP (Events API, commands and
 * interactivity on one port, signatures verified) or Socket Mode (app-level token) — with its
 * Web API calls sent to SLACK_API_URL, checks the bot token (auth.test), and starts it.
 */
export async function startSlackApp(config: SlackConfig, options: SlackAppOptions): Promise<RunningSlackApp> {
  const logger = options.logger.child({ component: 'slack' });
  const clientOptions = { slackApiUrl: config.apiUrl, retryConfig: SLACK_RETRY_CONFIG };
  const common = { token: config.botToken, logger: boltLogger(logger), clientOptions, deferInitialization: true };
  // Built here rather than by `socketMode: true` so that stop() can wait for the socket to close
  // (Bolt's receiver.stop() does not); the client options still route apps.connections.open.
  const socketReceiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({ appToken: config.appToken as string, logger: common.logger, installerOptions: { clientOptions } })
      : undefined;
  const app = socketReceiver
    ? new App({ ...common, socketMode: true, receiver: socketReceiver })
    : new App({ ...common, signingSecret: config.signingSecret as string, customRoutes: [HEALTH_ROUTE] });
  // Fails fast, with Slack's reason, when the bot token is wrong or revoked.
  await app.init();
  const deps: SlackDeps = {
    service: options.service,
    render: config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {},
    adminUsers: config.adminUsers,
    dedupe: options.dedupe ?? new MemoryEventDedupe(),
    logger,
  };
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });

  if (socketReceiver) {
    await app.start();
    logger.info({ mode: 'socket' }, 'summit is connected to Slack (Socket Mode)');
    return { app, mode: 'socket', stop: () => socketReceiver.client.disconnect() };
  }
  const server = (await app.start(config.port)) as { address(): AddressInfo | string | null };
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ mode: 'http', port }, 'summit is listening for Slack on /slack/events');
  return { app, mode: 'http', port, stop: () => app.stop().then(() => undefined) };
}
