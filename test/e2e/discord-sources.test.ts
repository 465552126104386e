/**
 * `/summit source add|list|remove` through the real discord.js client and the local Discord
 * peer, with an in-process service that reads feeds from the local news site.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LocalSummitService } from '../../src/app/local-service.ts';
import { SOURCE_REFUSAL } from '../../src/chat/discord/commands/source.ts';
import { loadArticleSet } from '../../src/cli/article-set.ts';
import { loadTopics } from '../../src/cli/topics-file.ts';
import { createFetcher } from '../../src/ingest/fetch/create-fetcher.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';
import { runCommand } from '../peers/discord/actions.ts';
import { MESSAGE_FLAG } from '../peers/discord/constants.ts';
import { type BotHarness, finalReply, startBotHarness } from '../peers/discord/harness.ts';
import { DiscordPeer } from '../peers/discord/peer.ts';
import type { Json } from '../peers/discord/state.ts';
import { messageLinks, wouldPing } from '../peers/discord/wire.ts';
import { WebSourcesPeer } from '../peers/web-sources/server.ts';

let h: BotHarness;
let news: WebSourcesPeer;
let service: LocalSummitService;

before(async () => {
  news = await WebSourcesPeer.start();
  const set = await loadArticleSet(undefined, () => undefined);
  const fetcher = createFetcher({ timeoutMs: 3000, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'summit-test', allowNetworks: ['127.0.0.0/8'] });
  service = new LocalSummitService([{ id: set.story, articles: set.articles }], { topics: await loadTopics(), dictionary: englishWords() }, { fetcher });
  h = await startBotHarness({ service, adminRole: true });
});
after(async () => {
  await h?.close();
  await news?.close();
});

const admin = () => ({ user: h.peer.users.admin, permissions: DiscordPeer.MANAGE_CHANNELS });
const isPrivate = (message: { flags: number }) => (message.flags & MESSAGE_FLAG.Ephemeral) === MESSAGE_FLAG.Ephemeral;

test('Manage Channels adds a feed: public confirmation with a working link, read at once', async () => {
  const url = news.url('/feeds/atom.xml?utm_source=discord');
  const reply = await finalReply(h.peer, runCommand(h.peer, 'source add', { url, keywords: 'steel "look ahead" @everyone' }, admin()));
  assert.ok(!isPrivate(reply));
  assert.match(reply.content, /^Now following \[.*\]\(http:\/\/127\.0\.0\.1:\d+\/feeds\/atom\.xml\) for \*\*summit-2025\*\*, keeping articles that mention “steel”, “look ahead”, “@\u200beveryone”\./);
  assert.deepEqual(messageLinks(reply).map((l) => l.url.replace(news.origin, '')), ['/feeds/atom.xml'], 'one link: the feed');
  assert.equal(wouldPing(reply.content, reply.allowedMentions, false), false);
  const [record] = await service.listSources('summit-2025');
  assert.equal(record?.state.status, 'ok');
  assert.equal(record?.state.articlesAdded, 2);
  assert.equal(record?.source.addedBy, `discord:${h.peer.users.admin.id}`);
  assert.deepEqual(h.peer.problems, []);
});

test('members without Manage Channels are refused privately; anyone may list, privately', async () => {
  const refused = await finalReply(h.peer, runCommand(h.peer, 'source add', { url: news.url('/feeds/rss.xml') }));
  assert.ok(isPrivate(refused));
  assert.equal(refused.content, SOURCE_REFUSAL);
  const remove = await finalReply(h.peer, runCommand(h.peer, 'source remove', { url: news.url('/feeds/atom.xml') }));
  assert.equal(remove.content, SOURCE_REFUSAL);
  assert.equal((await service.listSources('summit-2025')).length, 1);

  const listed = await finalReply(h.peer, runCommand(h.peer, 'source list'));
  assert.ok(isPrivate(listed));
  const embed = listed.embeds[0] as Json;
  assert.equal(embed.title, 'summit-2025: 1 source');
  assert.match(String(embed.description), /✅ \[.*\]\(http:\/\/127\.0\.0\.1:\d+\/feeds\/atom\.xml\) — keywords: “steel”, “look ahead”/);
  assert.match(String(embed.description), /feed OK · read just now · 2 articles added/);
  assert.deepEqual(h.peer.problems, []);
});

test('bad addresses are refused privately; failing sources are listed with their reason; removing works once', async () => {
  const bad = await finalReply(h.peer, runCommand(h.peer, 'source add', { url: 'file:///etc/passwd' }, admin()));
  assert.ok(isPrivate(bad));
  assert.equal(bad.content, 'Only http and https addresses can be followed, not file:.');

  await finalReply(h.peer, runCommand(h.peer, 'source add', { url: news.url('/hostile/loop-a') }, admin()));
  const listed = await finalReply(h.peer, runCommand(h.peer, 'source list'));
  assert.match(String((listed.embeds[0] as Json).description), /⚠️ .*loop-a.*\n.*failing: redirect loop/);

  const removed = await finalReply(h.peer, runCommand(h.peer, 'source remove', { url: news.url('/hostile/loop-a') }, admin()));
  assert.ok(!isPrivate(removed));
  assert.match(removed.content, /^Stopped following .* Articles it brought stay in the story\.$/);
  const again = await finalReply(h.peer, runCommand(h.peer, 'source remove', { url: news.url('/hostile/loop-a') }, admin()));
  assert.match(again.content, /does not follow/);
  assert.deepEqual(h.peer.problems, []);
});
