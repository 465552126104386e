/**
 * A story as production builds it — a feed polled by the worker from the local news site, plus
 * articles without a URL ingested from files (one with markup-looking text) — briefed through
 * the queue, and `summit web`'s server reading the same Redis.
 */
import { pino } from 'pino';
import type { Briefing } from '../../src/core/types.ts';
import { enqueueIngest, waitForIngest } from '../../src/queue/ingest-client.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { FILLER, ORIGINAL, REWRITE_B } from '../helpers/engine.ts';
import { type SourcesTestEnv, sourcesTestEnv } from '../integration/sources-harness.ts';
import { HOSTILE_PAGE } from '../peers/web-sources/content.ts';

export const TOKEN = 'web-test-token-0123456789abcdef';
export const STORY = 'web-story';

/** A long article without a URL, so a sentence near its end is far below the fold on a phone. */
export const LONG_TEXT = [ORIGINAL, FILLER, ORIGINAL.replace(/Freedonia/g, 'the republic'), 'Officials in Sylvania said the talks would continue next month in the capital, with a draft text expected by May.'].join('\n\n');

export interface WebTestEnv {
  sources: SourcesTestEnv;
  web: WebServer;
  base: string;
  briefingId: string;
  briefing: Briefing;
  close(): Promise<void>;
}

export async function webTestEnv(name: string, options: { accessToken?: string } = { accessToken: TOKEN }): Promise<WebTestEnv> {
  const sources = await sourcesTestEnv(name);
  const { record } = await sources.service.addSource({ storyId: STORY, url: sources.peer.url('/feeds/rss.xml'), keywords: ['tariff*'], addedBy: 'cli' });
  await sources.polled(record.source.id);
  const jobs = await enqueueIngest(sources.queue, STORY, [
    { source: 'desk/rewrite-b.txt', text: REWRITE_B },
    { source: 'desk/hostile-markup.txt', title: HOSTILE_PAGE.title, text: HOSTILE_PAGE.paragraphs.join('\n\n') },
    { source: 'desk/long-report.txt', title: 'Long report', text: LONG_TEXT },
  ]);
  await waitForIngest(sources.queue, jobs, 15_000);
  const { briefingId, briefing } = await sources.service.brief({ storyId: STORY });
  const web = await startWebServer({
    port: 0,
    host: '127.0.0.1',
    ...(options.accessToken ? { accessToken: options.accessToken } : {}),
    briefings: sources.stores.briefings,
    articlePages: sources.stores.articlePages,
    keptDays: 30,
    redis: sources.redis,
    logger: pino({ level: 'silent' }),
  });
  return {
    sources,
    web,
    base: `http://127.0.0.1:${web.port}`,
    briefingId,
    briefing,
    async close() {
      await web.close();
      await sources.close();
    },
  };
}
