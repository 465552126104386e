import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LocalSummitService } from '../../src/app/local-service.ts';
import { loadArticleSet } from '../../src/cli/article-set.ts';
import { loadTopics } from '../../src/cli/topics-file.ts';
import { createFetcher } from '../../src/ingest/fetch/create-fetcher.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';
import { startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { WebSourcesPeer } from '../peers/web-sources/server.ts';

let news: WebSourcesPeer;
let service: LocalSummitService;
let stack: Awaited<ReturnType<typeof startSlackStack>>;

before(async () => {
  news = await WebSourcesPeer.start();
  const set = await loadArticleSet(undefined, () => undefined);
  const fetcher = createFetcher({ timeoutMs: 3000, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'summit-test', allowNetworks: ['127.0.0.0/8'] });
  service = new LocalSummitService([{ id: set.story, articles: set.articles }], { topics: await loadTopics(), dictionary: englishWords() }, { fetcher });
  stack = await startSlackStack({ service });
});
after(async () => {
  await stack.close();
  await news.close();
});

/** The n-th response_url reply (type and plain text of its blocks). */
async function reply(n: number) {
  const r = await waitFor(() => stack.peer.responses[n], `response ${n}`);
  return { type: r.body.response_type, text: JSON.stringify(r.body.blocks) };
}

test('an admin adds a feed with keywords: announced in the channel, read at once, its articles join the story', async () => {
  const before = (await service.brief({ storyId: 'summit-2025' })).briefing.articles.length;
  const feed = news.url('/feeds/rss.xml');
  // Slack may send the URL in its own link syntax.
  await stack.command(`source add <${feed}|${feed.replace('http://', '')}> tariff* "trade deal"`, { user: PEER_IDS.admin });
  const added = await reply(0);
  assert.equal(added.type, 'in_channel');
  assert.match(added.text, /Now following <http:\/\/127\.0\.0\.1:\d+\/feeds\/rss\.xml\|http:\/\/127\.0\.0\.1:\d+\/feeds\/rss\.xml> for \*summit-2025\*, keeping articles that mention “tariff\*”, “trade deal”/);
  const [record] = await service.listSources('summit-2025');
  assert.equal(record?.state.status, 'ok');
  assert.equal(record?.source.addedBy, `slack:${PEER_IDS.admin}`);
  assert.equal((await service.brief({ storyId: 'summit-2025' })).briefing.articles.length, before + 3, 'steel (once), the rewrite and the steel makers; not the weather');
});

test('members who are not admins cannot add or remove sources, but may list them', async () => {
  const from = stack.peer.responses.length;
  await stack.command(`source add ${news.url('/feeds/atom.xml')}`, { user: PEER_IDS.alice });
  const refused = await reply(from);
  assert.equal(refused.type, 'ephemeral');
  assert.match(refused.text, /Only workspace admins and owners .* can change the feeds and pages summit follows/);
  await stack.command(`source remove ${news.url('/feeds/rss.xml')}`, { user: PEER_IDS.alice });
  assert.match((await reply(from + 1)).text, /Only workspace admins/);
  assert.equal((await service.listSources('summit-2025')).length, 1);

  await stack.command('source list', { user: PEER_IDS.alice });
  const listed = await reply(from + 2);
  assert.equal(listed.type, 'ephemeral');
  assert.match(listed.text, /\*summit-2025\* follows 1 source:/);
  assert.match(listed.text, /✅ <http:\/\/127\.0\.0\.1:\d+\/feeds\/rss\.xml\|[^>]+> — keywords: “tariff\*”, “trade deal”/);
  assert.match(listed.text, /feed OK · read just now · 3 articles added/);
});

test('a source that cannot be read is kept and listed with the reason; bad input gets the usage', async () => {
  const from = stack.peer.responses.length;
  await stack.command(`source add ${news.url('/hostile/to-metadata')}`, { user: PEER_IDS.admin });
  assert.match((await reply(from)).text, /Now following/);
  await stack.command('source list', { user: PEER_IDS.admin });
  const listed = await reply(from + 1);
  assert.match(listed.text, /⚠️ <http:\/\/127\.0\.0\.1:\d+\/hostile\/to-metadata\|/);
  assert.match(listed.text, /failing: 169\.254\.169\.254 is a link-local \(cloud metadata service\) \(169\.254\.0\.0\/16\) address; summit only fetches from the public internet · never read/);

  await stack.command('source add javascript:alert(1) <!channel>', { user: PEER_IDS.admin });
  const bad = await reply(from + 2);
  assert.equal(bad.type, 'ephemeral');
  assert.match(bad.text, /Only http and https addresses can be followed, not javascript:/);
  assert.match(bad.text, /`\/summit source add <url> \[keywords\]`/);
  await stack.command(`source add ${news.url('/feeds/atom.xml')} "<!channel>"`, { user: PEER_IDS.admin });
  const escaped = await reply(from + 3);
  assert.doesNotMatch(escaped.text, /<!channel>/, 'keywords are escaped');
  assert.match(escaped.text, /&lt;!channel&gt;/);
  await stack.command('source', { user: PEER_IDS.admin });
  assert.match((await reply(from + 4)).text, /source list.*source remove/s);
});

test('an admin removes a source: announced; removing it again says the story does not follow it', async () => {
  const from = stack.peer.responses.length;
  await stack.command(`source remove ${news.url('/hostile/to-metadata')}`, { user: PEER_IDS.admin });
  const removed = await reply(from);
  assert.equal(removed.type, 'in_channel');
  assert.match(removed.text, /Stopped following .* Articles it brought stay in the story/);
  await stack.command(`source remove ${news.url('/hostile/to-metadata')}`, { user: PEER_IDS.admin });
  const again = await reply(from + 1);
  assert.equal(again.type, 'ephemeral');
  assert.match(again.text, /does not follow/);
  assert.deepEqual((await service.listSources('summit-2025')).map((r) => r.source.url.replace(news.origin, '')), ['/feeds/rss.xml', '/feeds/atom.xml']);
  assert.equal(stack.peer.messages.length, 0, 'everything went through response_url');
});
