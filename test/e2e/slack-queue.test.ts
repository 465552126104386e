/**
 * The production shape on the real Redis: `summit slack`'s app on the Redis/BullMQ service, a
 * worker computing briefings and answers and delivering digests through SlackDelivery, all
 * against the local Slack peer. A fresh key prefix per test; every key is removed afterwards.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { SlackDelivery } from '../../src/chat/slack/delivery.ts';
import { RedisEventDedupe } from '../../src/chat/slack/redis-dedupe.ts';
import { startWorker } from '../../src/main.ts';
import { STORY } from '../helpers/engine.ts';
import { countingEngine, ingest, queueTestEnv } from '../integration/queue-harness.ts';
import { messageEvent } from '../peers/slack/payloads.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { postedMessage } from '../peers/slack/wire.ts';

const logger = pino({ level: 'silent' });

test('Redis-backed: brief, follow-up, subscribe, digest delivery and a flagged channel', { timeout: 90_000 }, async (t) => {
  const env = await queueTestEnv('slack-e2e', { workers: 0, env: { DEFAULT_STORY: 'freedonia' } });
  const dedupe = new RedisEventDedupe(env.service.redis, env.config.keyPrefix);
  const stack = await startSlackStack({ service: env.service.service, dedupe });
  const delivery = SlackDelivery.fromConfig({ botToken: stack.peer.botToken, apiUrl: stack.peer.apiUrl }, { logger });
  const worker = await startWorker(env.config, { engine: countingEngine().engine, logger, deliveries: [{ delivery }], withoutOpsServer: true });
  // In this order: nothing may write under the prefix after env.close() removed it.
  t.after(async () => {
    await stack.close();
    await worker.close();
    await env.close();
  });
  await ingest(env, 'freedonia', STORY);

  // /summit brief through the queue.
  await stack.command('brief');
  const briefing = await waitFor(() => stack.peer.botMessages().find((m) => !m.threadTs), 'the briefing', 20_000);
  assert.match(postedMessage(briefing).text, /\*Economy\*/);
  await waitFor(() => env.service.service.thread(`slack:${briefing.channel}:${briefing.ts}`), 'the thread link');

  // A follow-up, delivered twice (a retry): one answer, from the answer job.
  const question = { channel: briefing.channel, user: PEER_IDS.alice, ts: stack.peer.nextTs(), threadTs: briefing.ts, text: 'How many factory jobs are protected?' };
  await stack.event(messageEvent(question), { eventId: 'Ev0QUEUE0001' });
  await stack.event(messageEvent(question), { eventId: 'Ev0QUEUE0001', retryNum: 1 });
  const answer = await waitFor(() => stack.peer.botMessages().find((m) => m.threadTs === briefing.ts), 'the answer', 20_000);
  assert.match(answer.text, /12,000/);

  // Subscribe, then run the day's digest as the scheduler would.
  await stack.command('subscribe 08:30 Europe/Berlin', { user: PEER_IDS.admin });
  await waitFor(() => stack.peer.responses.find((r) => r.body.response_type === 'in_channel'), 'the confirmation');
  const subscriptionId = `slack:${PEER_IDS.general}`;
  assert.ok(await worker.stores.subscriptions.get(subscriptionId));
  await env.service.queue.wait(await env.service.queue.add('digest', { subscriptionId, scheduledAt: '2026-03-02T07:30:00Z' }), 15_000);
  const digest = await waitFor(() => stack.peer.botMessages().find((m) => m.text.startsWith('Daily digest')), 'the digest', 20_000);
  assert.match(postedMessage(digest).text, /12,000 factory jobs/);
  await waitFor(() => env.service.service.thread(`slack:${digest.channel}:${digest.ts}`), 'the digest thread link');

  // The bot is removed from the channel: the next digest fails, the subscription is flagged and kept.
  stack.peer.channels.get(PEER_IDS.general)?.members.delete(PEER_IDS.botUser);
  await ingest(env, 'freedonia', [{ source: 'f-new.txt', text: 'Freedonia will buy 40 new tanks from Sylvania, the army said on Tuesday.' }]);
  await env.service.queue.wait(await env.service.queue.add('digest', { subscriptionId, scheduledAt: '2026-03-03T07:30:00Z' }), 15_000);
  const flagged = await waitFor(async () => (await worker.stores.subscriptions.get(subscriptionId))?.flag, 'the flag', 20_000);
  assert.equal(flagged.code, 'not_in_channel');
  assert.ok(await worker.stores.subscriptions.get(subscriptionId), 'the subscription is kept');
  await settle(200);
  assert.equal(stack.peer.botMessages().filter((m) => m.text.startsWith('Daily digest')).length, 1);
});

test('RedisEventDedupe: a key is claimed once across instances, and expires', async (t) => {
  const env = await queueTestEnv('slack-dedupe', { workers: 0 });
  t.after(() => env.close());
  const a = new RedisEventDedupe(env.service.redis, env.config.keyPrefix, 60);
  const b = new RedisEventDedupe(env.service.redis, env.config.keyPrefix, 60);
  assert.equal(await a.claim('message:C1:1.1'), true);
  assert.equal(await b.claim('message:C1:1.1'), false);
  assert.equal(await a.claim('message:C1:1.2'), true);
  const ttl = await env.service.redis.ttl(`${env.config.keyPrefix}:slack:seen:message:C1:1.1`);
  assert.ok(ttl > 0 && ttl <= 60, `ttl ${ttl}`);
});
