import type { Queue } from 'bullmq';
import express from 'express';
import type { RedisClient } from '../store/redis-client.ts';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { requireAdminToken } from './admin-auth.ts';
import { BOARD_PATH, bullBoardRouter } from './bull-board.ts';
import { checkHealth } from './health.ts';
import { type Listening, listen } from './listen.ts';

export interface OpsServerOptions {
  port: number;
  host: string;
  adminToken?: string;
  redis: RedisClient;
  workerRunning: () => boolean;
  registry: Registry;
  queues: Queue[];
  logger: Logger;
}

export type OpsServer = Listening;

/** /healthz, /metrics and (with an admin token) Bull Board, on their own port. */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    const report = await checkHealth(options.redis, options.workerRunning);
    res.status(report.ok ? 200 : 503).json(report);
  });
  app.get('/metrics', async (_req, res) => {
    try {
      const body = await options.registry.metrics();
      res.type(options.registry.contentType).send(body);
    } catch (error) {
      options.logger.error({ err: error }, 'metrics collection failed');
      res.status(503).type('text/plain').send('metrics unavailable (is Redis reachable?)\n');
    }
  });
  if (options.adminToken) {
    app.use(BOARD_PATH, requireAdminToken(options.adminToken, BOARD_PATH), bullBoardRouter(options.queues));
  } else {
    options.logger.info('ADMIN_TOKEN not set: Bull Board at %s is disabled', BOARD_PATH);
  }

  const server = await listen(app, options.port, options.host);
  options.logger.info({ port: server.port, host: options.host }, 'ops server listening (/healthz, /metrics%s)', options.adminToken ? `, ${BOARD_PATH}` : '');
  return server;
}
