import { readFileSync } from 'node:fs';
import express from 'express';
import type { Redis } from 'ioredis';
import { pingWithin } from '../ops/health.ts';
import { type Listening, listen } from '../ops/listen.ts';
import { accessControl, TOKEN_PATH } from './access.ts';
import { html } from './html.ts';
import { layout, STYLESHEET_PATH } from './pages/layout.ts';
import { notFound, type PageSources, pageRoutes } from './routes.ts';
import { securityHeaders } from './security-headers.ts';
import { createWebMetrics } from './web-metrics.ts';

export interface WebServerOptions extends PageSources {
  port: number;
  host: string;
  /** Undefined only when pages are deliberately public (WEB_PUBLIC=true). */
  accessToken?: string;
  redis: Pick<Redis, 'ping'>;
}

export type WebServer = Listening;

const STYLESHEET = readFileSync(new URL('./static/summit.css', import.meta.url), 'utf8');

/**
 * Briefing and article pages (server-rendered, no scripts), `/healthz` and `/metrics`. Story
 * pages and metrics need the access token unless pages are public; health and the stylesheet
 * never do (they hold no story data).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const metrics = createWebMetrics();
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => metrics.observe(String(res.locals.route ?? 'other'), res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    next();
  });
  app.use(securityHeaders);

  app.get('/healthz', async (_req, res) => {
    res.locals.route = '/healthz';
    const redis = await pingWithin(options.redis, 1000);
    res.status(redis ? 200 : 503).json({ ok: redis, redis: redis ? 'ok' : 'unreachable' });
  });
  app.get(STYLESHEET_PATH, (_req, res) => {
    res.locals.route = STYLESHEET_PATH;
    res.set('Cache-Control', 'public, max-age=3600').type('text/css').send(STYLESHEET);
  });
  app.get('/', (_req, res) => {
    res.locals.route = '/';
    res.type('html').send(layout({ title: 'summit', body: html`<h1>summit</h1><p>Briefings and articles are linked from summit’s posts in chat.</p>` }).value);
  });

  const access = accessControl(options.accessToken);
  const pages = pageRoutes(options);
  if (options.accessToken) app.use(TOKEN_PATH, access.pathToken, pages);
  app.use(access.requireToken);
  app.use(pages);
  app.get('/metrics', async (_req, res) => {
    res.locals.route = '/metrics';
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(notFound);

  const server = await listen(app, options.port, options.host);
  options.logger.info({ port: server.port, host: options.host, access: options.accessToken ? 'token' : 'public' }, 'web pages listening');
  return server;
}
