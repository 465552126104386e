/**
 * Daily digests through DiscordDelivery (the ChatDelivery the worker calls): channel messages
 * with source links, a question thread, at-most-once posting, typed channel errors, 429s.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ChannelUnavailableError } from '../../src/app/delivery-errors.ts';
import { DiscordChannelUnavailableError, DiscordDeliveryError } from '../../src/chat/discord/errors.ts';
import { threadKey } from '../../src/chat/discord/threads.ts';
import { postUserMessage, replyTo } from '../peers/discord/actions.ts';
import { ERR, P } from '../peers/discord/constants.ts';
import { digestOf, hugeBriefing, subscriptionFor } from '../peers/discord/fixtures.ts';
import { asPosted, type BotHarness, startBotHarness } from '../peers/discord/harness.ts';
import type { Json } from '../peers/discord/state.ts';
import { FULL_BOT_PERMISSIONS } from '../peers/discord/state.ts';

let h: BotHarness;
before(async () => {
  h = await startBotHarness();
});
after(async () => {
  await h?.close();
});

const MESSAGES = 'POST /channels/:channel/messages';
const THREADS = 'POST /channels/:channel/messages/:message/threads';

test('a digest is posted with source links, opens a linked thread, and a question there is answered', async () => {
  const channelId = h.peer.addChannel('daily');
  const digest = await digestOf(h.service);
  const { threadId } = await h.bot.delivery.postDigest(subscriptionFor(h.peer, h.service, channelId), digest);
  const [message, continued] = h.peer.messagesIn(channelId);
  assert.ok(message && continued, 'the whole briefing as a digest takes two messages');
  assert.equal(threadId, threadKey(message.id), 'the thread started from the digest has its id');
  assert.match(message.content, /^\*\*Daily digest: Japan’s Prime Minister Takaichi Engages Trump on Trade and Security\*\* · 2026-01-01 · \[full briefing\]\(https:\/\/summit\.example\/briefings\/[0-9a-f]+\)$/);
  assert.deepEqual(message.embeds.map((e) => e.title), ['Also making news', 'Also making news: sources differ', 'Trade', 'Defence']);
  assert.equal(continued.content, '');
  assert.deepEqual(continued.embeds.map((e) => e.title), ['Defence: sources differ', 'China', 'Sources differ on other points', 'Sources']);
  assert.match(String(continued.nonce), /^d[0-9a-f]{12}$/);
  assert.notEqual(continued.nonce, message.nonce);
  const posted = asPosted(message);
  assert.ok(posted.links.filter((l) => l.url.startsWith('https://summit.example/articles/')).length >= 10);
  assert.equal(posted.wouldPing, false);
  assert.match(String(message.nonce), /^d[0-9a-f]{12}$/);
  assert.equal((h.peer.requestsTo(MESSAGES).at(-1)?.body as Json).enforce_nonce, true);
  assert.equal(h.peer.channels.get(message.id)?.name, 'Questions: Japan’s Prime Minister Takaichi Engages Trump on Trade and Security · 2026-01-01');
  assert.deepEqual(await h.service.thread(threadId), { threadId, storyId: 'summit-2025', briefingId: digest.briefingId, turns: [] });

  const asked = postUserMessage(h.peer, message.id, `<@${h.peer.botUser.id}> What is Japan's defence spending target?`);
  const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the answer');
  assert.equal(answer.channelId, message.id, 'answered in the thread');
  assert.match(answer.content, /2 ?(%|per cent)/);
  assert.deepEqual(answer.allowedMentions, { parse: [], replied_user: false });
  assert.deepEqual(h.peer.problems, []);
});

test('a digest with nothing new says so plainly', async () => {
  const channelId = h.peer.addChannel('quiet');
  const digest = { ...(await digestOf(h.service, '2026-01-02')), nothingNew: true, topics: [], disagreements: [] };
  await h.bot.delivery.postDigest(subscriptionFor(h.peer, h.service, channelId), digest);
  const [message] = h.peer.messagesIn(channelId);
  assert.equal(message?.embeds.length, 1);
  assert.equal(message?.embeds[0]?.description, 'Nothing new since the last digest.');
});

test('a digest far over the limits is split across messages Discord accepts, shortened with a link', async () => {
  const channelId = h.peer.addChannel('huge');
  const briefing = hugeBriefing();
  const digest = { ...briefing, localDate: '2026-01-01', nothingNew: false, briefingId: 'huge1' };
  const { threadId } = await h.bot.delivery.postDigest(subscriptionFor(h.peer, h.service, channelId), digest);
  const messages = h.peer.messagesIn(channelId);
  assert.equal(messages.length, 3, 'at most three messages');
  assert.equal(threadId, threadKey((messages[0] as { id: string }).id), 'the thread is on the first');
  const last = messages.at(-1) as { embeds: Json[] };
  assert.match(String(last.embeds.at(-1)?.description), /^Shortened to fit Discord's limits: \d+ more sections in the \[full briefing\]\(https:\/\/summit\.example\/briefings\/huge1\)\.$/);
  assert.deepEqual(h.peer.problems, [], 'every message within Discord’s limits');
});

test('retrying a delivery never posts twice', async () => {
  const channelId = h.peer.addChannel('retried');
  const subscription = subscriptionFor(h.peer, h.service, channelId);
  const digest = await digestOf(h.service, '2026-01-03', 'trade');
  h.peer.failNext(THREADS, { status: 500, code: 0, message: '500: Internal Server Error', count: 4 });
  const first = await h.bot.delivery.postDigest(subscription, digest);
  assert.equal(first.threadId, threadKey(channelId), 'thread failed: questions go to the channel');
  assert.equal(h.peer.requestsTo(THREADS).filter((r) => r.path.includes(channelId)).length, 4, 'discord.js retried the 500 three times');
  assert.ok(h.logs.some((l) => l.level === 'warn' && /digest posted, but its continuation or thread failed/.test(l.message)));

  // The job runs again (say its completion was lost): the nonce returns the same message.
  const second = await h.bot.delivery.postDigest(subscription, digest);
  const messages = h.peer.messagesIn(channelId);
  assert.equal(messages.length, 1, 'one digest message');
  assert.equal(second.threadId, threadKey((messages[0] as { id: string }).id), 'the thread is made this time');
  const third = await h.bot.delivery.postDigest(subscription, digest);
  assert.equal(third.threadId, second.threadId, '"thread already created" is the same thread');
  assert.equal(h.peer.messagesIn(channelId).length, 1);
});

test('a channel closed to the bot fails typed (flag the subscription), and nothing is posted', async () => {
  const digest = await digestOf(h.service);
  const cases: [string, (id: string) => void, string, number][] = [
    ['hidden', (id) => void ((h.peer.channels.get(id) as { botPermissions: bigint }).botPermissions = 0n), 'missing_access', ERR.MissingAccess],
    ['deleted', (id) => h.peer.deleteChannel(id), 'unknown_channel', ERR.UnknownChannel],
    ['muted', (id) => void ((h.peer.channels.get(id) as { botPermissions: bigint }).botPermissions = FULL_BOT_PERMISSIONS & ~P.SendMessages), 'missing_permissions', ERR.MissingPermissions],
  ];
  for (const [name, breakChannel, platformCode, discordCode] of cases) {
    const channelId = h.peer.addChannel(name);
    breakChannel(channelId);
    await assert.rejects(h.bot.delivery.postDigest(subscriptionFor(h.peer, h.service, channelId), digest), (error: unknown) => {
      assert.ok(error instanceof ChannelUnavailableError, 'the worker flags ChannelUnavailableError');
      assert.ok(error instanceof DiscordChannelUnavailableError);
      assert.equal(error.code, 'delivery:channel-unavailable');
      assert.equal(error.platformCode, platformCode);
      assert.equal(error.discordCode, discordCode);
      return true;
    });
    assert.equal(h.peer.messagesIn(channelId).length, 0);
  }
});

test('Discord failing after discord.js’s retries is a retryable error', async () => {
  const channelId = h.peer.addChannel('outage');
  h.peer.failNext(MESSAGES, { status: 502, code: 0, message: '502: Bad Gateway', count: 4 });
  const before = h.peer.requestsTo(MESSAGES).length;
  await assert.rejects(h.bot.delivery.postDigest(subscriptionFor(h.peer, h.service, channelId), await digestOf(h.service)), (error: unknown) => {
    assert.ok(error instanceof DiscordDeliveryError);
    assert.equal(error.code, 'discord:unavailable');
    assert.ok(!(error instanceof ChannelUnavailableError));
    return true;
  });
  assert.equal(h.peer.requestsTo(MESSAGES).length - before, 4);
  assert.equal(h.peer.messagesIn(channelId).length, 0);
});

for (const global of [false, true]) {
  test(`a ${global ? 'global ' : ''}429 is waited out by discord.js and retried once, posting once`, async () => {
    const channelId = h.peer.addChannel(global ? 'global-limit' : 'limited');
    h.peer.rateLimitNext(MESSAGES, { retryAfter: 1, global });
    const before = h.peer.requestsTo(MESSAGES).length;
    await h.bot.delivery.postDigest(subscriptionFor(h.peer, h.service, channelId), await digestOf(h.service, '2026-01-01', 'trade'));
    const [limited, retried] = h.peer.requestsTo(MESSAGES).slice(before);
    assert.equal(limited?.status, 429);
    assert.equal(retried?.status, 200);
    assert.ok((retried?.at ?? 0) - (limited?.at ?? 0) >= 1000, `waited ${(retried?.at ?? 0) - (limited?.at ?? 0)} ms for Retry-After: 1`);
    assert.equal(h.peer.messagesIn(channelId).length, 1);
  });
}

test('without Create Public Threads the digest is still delivered and mentions in the channel are answered', async () => {
  const channelId = h.peer.addChannel('no-threads', FULL_BOT_PERMISSIONS & ~P.CreatePublicThreads);
  const { threadId } = await h.bot.delivery.postDigest(subscriptionFor(h.peer, h.service, channelId), await digestOf(h.service));
  assert.equal(threadId, threadKey(channelId));
  const asked = postUserMessage(h.peer, channelId, `<@${h.peer.botUser.id}> Did they discuss Atlantis?`);
  const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the answer in the channel');
  assert.match(answer.content, /The articles don.t say\./);
});
