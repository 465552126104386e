import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sourceId } from '../../src/core/ports/source-repository.ts';
import { sourceSchedulerId } from '../../src/queue/summit-queue.ts';
import { waitFor } from './queue-harness.ts';
import { type SourcesTestEnv, sourcesTestEnv } from './sources-harness.ts';

let env: SourcesTestEnv;
before(async () => {
  env = await sourcesTestEnv('sources', { timeoutMs: 1500 });
});
after(() => env.close());

const add = (storyId: string, path: string, keywords: string[] = []) =>
  env.service.addSource({ storyId, url: env.peer.url(path), keywords, addedBy: 'slack:U1' });

/** Runs one more poll of the source through the queue, as its scheduler would, and returns its outcome. */
async function pollNow(id: string) {
  const job = await env.queue.add('poll-source', { sourceId: id });
  return env.queue.wait(job, 15_000);
}

test('a feed added to a story is polled through its job scheduler at once; one article behind two URLs is stored once', async () => {
  const { record, created } = await add('live', '/feeds/rss.xml');
  assert.equal(created, true);
  assert.equal(record.state.status, 'pending');
  const scheduler = await env.queue.queue.getJobScheduler(sourceSchedulerId(record.source.id));
  assert.equal(Number(scheduler?.every), 60 * 60_000, 'one scheduler per source, every SOURCE_POLL_MINUTES');

  const polled = await env.polled(record.source.id);
  assert.equal(polled.state.status, 'ok');
  assert.equal(polled.state.kind, 'feed');
  assert.equal(polled.state.etag, '"rss-1"');
  // Five items: the steel story twice (campaign link and AMP copy), the rewrite, the steel makers, the weather.
  assert.equal(polled.state.articlesAdded, 4);
  const snapshot = await env.stores.articles.snapshot('live');
  assert.equal(snapshot?.articles.length, 4);
  const steel = snapshot!.articles.filter((a) => a.title === 'Freedonia halves steel tariffs');
  assert.equal(steel.length, 1, 'stored once');
  assert.equal(steel[0]?.url, env.peer.url('/news/steel-tariffs'), 'canonical URL, tracking parameters gone');
  assert.equal(steel[0]?.outlet, 'Ridgeview Herald');
  assert.ok(snapshot!.articles.every((a) => !a.text.includes('page-script') && !a.text.includes('All rights reserved')), 'scripts and chrome are not text');
});

test('the next poll is a conditional GET: 304, nothing refetched, the story unchanged', async () => {
  const id = sourceId('live', env.peer.url('/feeds/rss.xml'));
  const pages = env.peer.requests.filter((r) => r.path.startsWith('/news/') || r.path.startsWith('/amp/')).length;
  const before = await env.stores.articles.fingerprint('live');
  const outcome = await pollNow(id);
  assert.deepEqual(outcome, { status: 'not-modified', added: 0, filtered: 0, problems: 0, pending: 0 });
  const last = env.peer.hits('/feeds/rss.xml').at(-1)!;
  assert.equal(last.headers['if-none-match'], '"rss-1"');
  assert.equal(last.headers['if-modified-since'], 'Mon, 02 Mar 2026 13:00:00 GMT');
  assert.equal(env.peer.requests.filter((r) => r.path.startsWith('/news/') || r.path.startsWith('/amp/')).length, pages, 'no article page fetched');
  assert.equal(await env.stores.articles.fingerprint('live'), before);
  const record = await env.stores.sources.get(id);
  assert.equal(record?.state.etag, '"rss-1"', 'validators kept');
});

test('a changed feed brings only its new items; items seen before are not fetched again', async () => {
  const { record } = await add('changing', '/feeds/changing.xml');
  await env.polled(record.source.id);
  assert.equal(await env.stores.articles.count('changing'), 1);
  const steelFetches = env.peer.hits('/news/steel-tariffs').length;
  env.peer.changingVersion = 3;
  const outcome = await pollNow(record.source.id);
  assert.equal(outcome.status, 'ok');
  assert.equal(await env.stores.articles.count('changing'), 3);
  assert.equal(env.peer.hits('/news/steel-tariffs').length, steelFetches, 'the first item was not fetched again');
  assert.equal((await env.stores.sources.get(record.source.id))?.state.etag, '"changing-3"');
});

test('keywords keep only matching articles; an Atom feed and a single page work the same way', async () => {
  const weather = await add('weather', '/feeds/rss.xml', ['sunshine']);
  const atom = await add('weather', '/feeds/atom.xml');
  const page = await add('weather', '/news/tariff-rewrite', ['tariff*']);
  const [w, a, p] = await Promise.all([weather, atom, page].map((s) => env.polled(s.record.source.id)));
  assert.equal(w?.state.articlesAdded, 1, 'only the weather article mentions sunshine');
  assert.equal(a?.state.kind, 'feed');
  assert.equal(a?.state.articlesAdded, 2);
  assert.equal(p?.state.kind, 'html');
  assert.equal(p?.state.articlesAdded, 1);
  const titles = (await env.stores.articles.snapshot('weather'))!.articles.map((x) => x.title).sort();
  assert.deepEqual(titles, ['A look ahead', 'Freedonia to lower steel import tariffs', 'Steel makers welcome tariff cut', 'Sunny weekend ahead in Ridgeview']);
});

test('failing sources are recorded with their reason and logged, and never hold up the others', async () => {
  const bad = await Promise.all([
    add('mixed', '/hostile/silent'),
    add('mixed', '/hostile/to-metadata'),
    add('mixed', '/hostile/broken.xml'),
    add('mixed', '/hostile/wrong-type'),
  ]);
  const good = await add('mixed', '/feeds/mixed.xml');
  const goodState = await env.polled(good.record.source.id);
  assert.equal(goodState.state.status, 'ok');
  assert.equal(goodState.state.articlesAdded, 2, 'the hostile-markup article and the steel makers');
  assert.deepEqual(
    goodState.state.lastProblems.map((p) => [p.url.replace(env.peer.origin, ''), p.code]),
    [
      ['/hostile/to-metadata', 'fetch:blocked-address'],
      ['/hostile/wrong-type', 'fetch:content-type'],
      ['/hostile/status/500', 'fetch:http-status'],
    ],
  );
  assert.equal(goodState.state.pendingItems, 1, 'the 500 is tried again next time');

  const states = await Promise.all(bad.map((b) => env.polled(b.record.source.id)));
  const reasons = states.map((s) => [s.state.status, s.state.lastError?.code, s.state.lastError?.reason.replace(env.peer.origin.replace('http://', ''), 'peer')]);
  assert.deepEqual(reasons, [
    ['failing', 'fetch:timeout', 'peer sent no complete response within 1.5 s'],
    ['failing', 'fetch:blocked-address', '169.254.169.254 is a link-local (cloud metadata service) (169.254.0.0/16) address; summit only fetches from the public internet'],
    ['failing', 'feed:invalid', reasons[2]?.[2]],
    ['failing', 'fetch:content-type', 'peer sent "image/png"; expected an RSS/Atom feed or a web page'],
  ]);
  assert.equal(reasons[2]?.[2], 'the feed is not well-formed XML (line 1: unclosed elements rss > channel > item > link) and has no readable items');
  const finished = (url: string, msg: RegExp) => env.logs.findIndex((l) => l.url === env.peer.url(url) && msg.test(l.msg));
  const goodDone = finished('/feeds/mixed.xml', /^source polled/);
  const silentDone = finished('/hostile/silent', /^source poll failed/);
  assert.ok(goodDone >= 0 && silentDone > goodDone, 'the good feed did not wait for the silent one');
  const warnings = env.logs.filter((l) => l.msg.startsWith('source poll failed'));
  for (const code of ['fetch:timeout', 'fetch:blocked-address', 'feed:invalid', 'fetch:content-type']) {
    assert.ok(warnings.some((w) => w.code === code && typeof w.reason === 'string' && w.url), `logged ${code}`);
  }
  assert.ok(env.logs.some((l) => l.msg.startsWith('feed item skipped') && l.code === 'fetch:blocked-address'), 'item problems are logged too');
  // A second failure counts up and keeps the reason.
  await pollNow(bad[1]!.record.source.id);
  assert.equal((await env.stores.sources.get(bad[1]!.record.source.id))?.state.consecutiveFailures, 2);
});

test('listing shows each source with its state; removing stops the scheduler, and a stale poll is a no-op', async () => {
  const listed = await env.service.listSources('weather');
  assert.deepEqual(listed.map((r) => r.source.url.replace(env.peer.origin, '')).sort(), ['/feeds/atom.xml', '/feeds/rss.xml', '/news/tariff-rewrite']);
  const again = await add('weather', '/feeds/rss.xml?utm_source=chat', ['sunshine', 'Freedonia']);
  assert.equal(again.created, false, 'the same feed (tracking parameters ignored) is updated, not added twice');
  assert.deepEqual(again.record.source.keywords, ['sunshine', 'Freedonia']);
  assert.equal(again.record.state.etag, undefined, 'new keywords: the next poll reads the feed in full');
  // The steel story was skipped under the old keywords; now it matches.
  await waitFor('the feed re-read with the new keywords', async () => (await env.stores.articles.count('weather')) === 5);

  const id = sourceId('weather', env.peer.url('/feeds/atom.xml'));
  assert.equal(await env.service.removeSource('weather', env.peer.url('/feeds/atom.xml')), true);
  assert.equal(await env.queue.queue.getJobScheduler(sourceSchedulerId(id)), undefined);
  assert.equal(await env.service.removeSource('weather', env.peer.url('/feeds/atom.xml')), false);
  assert.deepEqual(await pollNow(id), { status: 'gone' });
  assert.equal(await env.stores.sources.get(id), undefined, 'the stale poll did not bring its state back');
  assert.equal(await env.stores.articles.count('weather'), 5, 'articles it brought stay');
  await assert.rejects(env.service.addSource({ storyId: 'weather', url: 'ftp://x.test/', keywords: [], addedBy: 'cli' }), { code: 'source:invalid' });
});

test('restarting workers re-create every source scheduler', async () => {
  const id = sourceId('live', env.peer.url('/feeds/rss.xml'));
  await env.queue.queue.removeJobScheduler(sourceSchedulerId(id));
  const { startWorker } = await import('../../src/main.ts');
  const second = await startWorker(env.config, { logger: (await import('pino')).pino({ level: 'silent' }), withoutOpsServer: true, sources: { fetcher: env.fetcher, maxItemsPerPoll: 30 } });
  try {
    await waitFor('scheduler restored', async () => (await env.queue.queue.getJobScheduler(sourceSchedulerId(id))) !== undefined);
  } finally {
    await second.close();
  }
});
