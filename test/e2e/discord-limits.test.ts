/**
 * Discord's limits and deadlines: a briefing far over the embed limits, a topic switch of it, an
 * interaction token that expires while the briefing is computed, and a rate-limited callback.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickButton, runCommand } from '../peers/discord/actions.ts';
import { LIMIT } from '../peers/discord/constants.ts';
import { hugeBriefing, serviceBriefing } from '../peers/discord/fixtures.ts';
import { asPosted, briefingReply, bundledService, finalReply, startBotHarness } from '../peers/discord/harness.ts';
import type { Json, StoredMessage } from '../peers/discord/state.ts';
import { embedSize } from '../peers/discord/validate-message.ts';

const WEBHOOK_EDIT = 'PATCH /webhooks/:app/:token/messages/:message';
const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

function assertWithinLimits(message: StoredMessage) {
  assert.ok(message.embeds.length <= LIMIT.embeds);
  assert.ok(message.embeds.reduce((n, e) => n + embedSize(e), 0) <= LIMIT.embedTotal);
  for (const e of message.embeds) assert.ok([...String(e.description ?? '')].length <= LIMIT.description);
  assert.ok([...message.content].length <= LIMIT.content);
}

test('a briefing over every limit is split into follow-ups and shortened with a link, never rejected', async () => {
  const h = await startBotHarness({ service: serviceBriefing(await bundledService(), hugeBriefing()) });
  try {
    const interaction = runCommand(h.peer, 'brief');
    const { reply } = await briefingReply(h, interaction);
    await h.peer.waitFor(() => interaction.followUpIds.length === 2, 'two follow-ups');
    const parts = [reply, ...interaction.followUpIds.map((id) => h.peer.messages.get(id) as StoredMessage)];
    for (const part of parts) assertWithinLimits(part);
    assert.ok(parts.every((p) => p.embeds.length > 0));
    assert.match(String(parts[2]?.embeds.at(-1)?.description), /^Shortened to fit Discord's limits: \d+ more sections in the \[full briefing\]\(https:\/\/summit\.example\/briefings\/brief-all\)\.$/);
    const continued = parts.flatMap((p) => p.embeds.map((e) => String(e.title))).filter((t) => t.endsWith('(continued)'));
    assert.ok(continued.length > 0, 'long topics continue in further embeds');
    assert.equal(reply.components.flatMap((r) => r.components as Json[]).length, 8, 'six topics, All topics and Sources');
    assert.equal(parts.filter((p) => p.threadId).length, 1, 'one thread, on the first message');
    assert.ok(parts.every((p) => asPosted(p).links.every((l) => l.url.startsWith('https://'))));
    assert.deepEqual(h.peer.problems, []);

    // A topic switch edits the one message, shortened to fit it alone.
    const before = reply.history.length;
    clickButton(h.peer, reply.id, 'summit:topic:topic2');
    await h.peer.waitFor(() => reply.history.length > before, 'the edit');
    assertWithinLimits(reply);
    assert.equal(reply.embeds[0]?.title, 'Topic 2');
    assert.match(String(reply.embeds.at(-1)?.description), /^Shortened to fit Discord's limits/);
    assert.deepEqual(h.peer.problems, []);
  } finally {
    await h.close();
  }
});

test('without PUBLIC_BASE_URL a shortened briefing says how to see the rest, and plain numbers replace relative links', async () => {
  const service = await bundledService();
  const h = await startBotHarness({ service: serviceBriefing(service, hugeBriefing()), publicBaseUrl: null });
  try {
    const interaction = runCommand(h.peer, 'brief');
    await briefingReply(h, interaction);
    await h.peer.waitFor(() => interaction.followUpIds.length === 2, 'two follow-ups');
    const last = h.peer.messages.get(interaction.followUpIds[1] as string) as StoredMessage;
    assert.match(String(last.embeds.at(-1)?.description), /left out\. Pick one topic with the buttons or `\/summit brief topic:`\.$/);
  } finally {
    await h.close();
  }
  const plain = await startBotHarness({ service, publicBaseUrl: null });
  try {
    const { reply } = await briefingReply(plain, runCommand(plain.peer, 'brief'));
    assert.equal(reply.content, '**Japan’s Prime Minister Takaichi Engages Trump on Trade and Security** · 5 articles, 3 independent sources');
    assert.deepEqual(asPosted(reply).links, [], 'relative citation links cannot be shown without PUBLIC_BASE_URL');
    assert.match(String(reply.embeds[0]?.description), /\[\d\]/);
  } finally {
    await plain.close();
  }
});

test('a briefing that outlives the 15-minute interaction token is posted to the channel instead', async () => {
  let now = Date.now();
  const clock = () => now;
  const base = await bundledService();
  const slow = serviceBriefing(base, (await base.brief({ storyId: 'summit-2025' })).briefing, () => {
    now += 16 * 60_000;
  });
  const h = await startBotHarness({ service: slow, now: clock });
  try {
    const interaction = runCommand(h.peer, 'brief');
    const posted = await h.peer.waitFor(() => h.peer.messagesIn(h.peer.channelId).find((m) => m.threadId && !m.interactionId), 'the channel message');
    assert.equal(h.peer.requestsTo(WEBHOOK_EDIT).length, 0, 'no edit with an expired token');
    assert.ok(posted.content.startsWith(`Requested by <@${interaction.user.id}> (this took longer than Discord lets a command reply).\n**Japan’s Prime Minister Takaichi Engages Trump on Trade and Security**`));
    assert.equal(asPosted(posted).wouldPing, false, 'naming the requester does not ping them');
    assert.equal(posted.components.length, 1, 'buttons come along');
    assert.deepEqual(h.peer.problems, []);
  } finally {
    await h.close();
  }
});

test('an interaction token Discord no longer accepts falls back to the channel too', async () => {
  const h = await startBotHarness();
  try {
    h.peer.failNext(WEBHOOK_EDIT, { status: 401, code: 50027, message: 'Invalid Webhook Token' });
    runCommand(h.peer, 'ask', { question: 'How much will Japan invest in US industries?' });
    const posted = await h.peer.waitFor(() => h.peer.messagesIn(h.peer.channelId).find((m) => !m.interactionId && /550 billion/.test(m.content)), 'the channel message');
    assert.match(posted.content, /^Requested by <@\d+>/);
    assert.equal(h.peer.requestsTo(WEBHOOK_EDIT).length, 1);
  } finally {
    await h.close();
  }
});

test('a rate-limited interaction callback is retried after Retry-After, still inside 3 seconds', async () => {
  const h = await startBotHarness();
  try {
    h.peer.rateLimitNext(CALLBACK_ROUTE, { retryAfter: 1 });
    const interaction = runCommand(h.peer, 'help');
    await finalReply(h.peer, interaction);
    const [limited, accepted] = h.peer.requestsTo(CALLBACK_ROUTE);
    assert.equal(limited?.status, 429);
    assert.equal(accepted?.status, 204);
    assert.ok((accepted?.at ?? 0) - (limited?.at ?? 0) >= 1000);
    assert.equal(h.peer.requestsTo(CALLBACK_ROUTE).length, 2, 'one retry, one reply');
    assert.deepEqual(h.peer.problems, []);
  } finally {
    await h.close();
  }
});
