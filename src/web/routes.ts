import { type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import type { ArticlePageRepository } from '../core/ports/article-page-repository.ts';
import type { BriefingCache } from '../core/ports/briefing-cache.ts';
import type { Html } from './html.ts';
import { articlePage } from './pages/article-page.ts';
import { briefingPage } from './pages/briefing-page.ts';
import { messagePage } from './pages/layout.ts';

/** Briefing ids are 32 hex digits (see briefingId); article ids 12, with `-n` for a same-source duplicate. */
const BRIEFING_ID = /^[0-9a-f]{32}$/;
const ARTICLE_ID = /^[0-9a-f]{12}(?:-\d{1,4})?$/;

export interface PageSources {
  briefings: Pick<BriefingCache, 'get'>;
  articlePages: Pick<ArticlePageRepository, 'get'>;
  /** How long briefings are kept, for the "no longer kept" page. */
  keptDays: number;
  logger: Logger;
}

/** The story pages; mounted once open or behind the token, and once under the token path. */
export function pageRoutes(sources: PageSources): Router {
  const router = Router();
  router.get('/briefings/:id', async (req, res) => {
    res.locals.route = '/briefings/:id';
    const id = String(req.params.id);
    await respond(res, sources, id, async () => {
      const briefing = BRIEFING_ID.test(id) ? await sources.briefings.get(id) : undefined;
      return briefing && briefingPage(briefing, String(res.locals.base ?? ''));
    });
  });
  router.get('/articles/:id', async (req, res) => {
    res.locals.route = '/articles/:id';
    const id = String(req.params.id);
    await respond(res, sources, id, async () => {
      const article = ARTICLE_ID.test(id) ? await sources.articlePages.get(id) : undefined;
      return article && articlePage(article);
    });
  });
  return router;
}

async function respond(res: Response, sources: PageSources, id: string, render: () => Promise<Html | undefined>) {
  let page: Html | undefined;
  try {
    page = await render();
  } catch (error) {
    sources.logger.error({ err: error, id, route: res.locals.route }, 'page could not be read from the store');
    res.status(503).type('html').send(messagePage('Try again in a minute', 'summit could not read this page just now.').value);
    return;
  }
  if (!page) {
    res
      .status(404)
      .type('html')
      .send(messagePage('Not found', `summit keeps briefings and articles for ${sources.keptDays} days; this one is gone, or the link is incomplete.`).value);
    return;
  }
  // Pages never change for an id; private: they may be behind a token.
  res.set('Cache-Control', 'private, max-age=300').type('html').send(page.value);
}

/** For the access middleware's 404s of unknown paths. */
export function notFound(_req: Request, res: Response) {
  res.locals.route ??= 'other';
  res.status(404).type('html').send(messagePage('Not found', 'There is no page here.').value);
}
