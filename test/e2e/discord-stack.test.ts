/**
 * The production path end to end: `summit discord` as its own process on the Redis-backed
 * service, a real queue worker (Redis, BullMQ) delivering digests through the Discord delivery
 * it builds from the environment, and the local Discord peer in place of Discord.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createRedisSummitService } from '../../src/app/create-redis-service.ts';
import { discordDeliveryFactory } from '../../src/chat/discord/delivery-factory.ts';
import { deployCommands } from '../../src/chat/discord/deploy.ts';
import { loadTopics } from '../../src/cli/topics-file.ts';
import { loadDiscordConfig } from '../../src/config/discord.ts';
import type { QueueConfig } from '../../src/config/queue.ts';
import { type RunningWorker, startWorker } from '../../src/main.ts';
import { enqueueIngest, waitForIngest } from '../../src/queue/ingest-client.ts';
import { REPO } from '../helpers/cli.ts';
import { cleanPrefix, redisUrlOf, silentLogger, testConfig, testPrefix } from '../integration/queue-harness.ts';
import { postUserMessage, replyTo, runCommand } from '../peers/discord/actions.ts';
import { asPosted, finalReply } from '../peers/discord/harness.ts';
import { DiscordPeer } from '../peers/discord/peer.ts';

const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

let peer: DiscordPeer;
let config: QueueConfig;
let worker: RunningWorker;
let service: Awaited<ReturnType<typeof createRedisSummitService>>;
let bot: { child: ChildProcess; output: () => string };
let env: Record<string, string>;

before(async () => {
  peer = await DiscordPeer.start();
  const prefix = testPrefix('discord');
  env = {
    DISCORD_TOKEN: peer.token,
    DISCORD_APPLICATION_ID: peer.applicationId,
    DISCORD_API_URL: peer.apiUrl,
    PUBLIC_BASE_URL: 'https://summit.example',
    REDIS_KEY_PREFIX: prefix,
    DEFAULT_STORY: 'freedonia',
    LOG_LEVEL: 'info',
  };
  config = testConfig(prefix, { DEFAULT_STORY: 'freedonia' });
  const delivery = await discordDeliveryFactory({ ...env, LOG_LEVEL: 'silent' });
  assert.ok(delivery, 'DISCORD_TOKEN set: the worker gets a Discord delivery');
  worker = await startWorker(config, { logger: silentLogger(), deliveries: [delivery], withoutOpsServer: true });
  service = await createRedisSummitService(config);
  const articles = readdirSync(HOSTILE).map((f) => ({ source: f, text: readFileSync(join(HOSTILE, f), 'utf8') }));
  await waitForIngest(service.queue, await enqueueIngest(service.queue, 'freedonia', articles), 15_000);
  await deployCommands(loadDiscordConfig(env), await loadTopics(), peer.guildId);

  const child = spawn(process.execPath, ['bin/summit.js', 'discord'], { cwd: REPO, env: { ...process.env, ...env, REDIS_URL: redisUrlOf(config) } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  bot = { child, output: () => output };
  await peer.waitFor(() => peer.gateway.sessions.some((s) => s.identified), 'summit discord to connect', 20_000);
});

after(async () => {
  if (bot) {
    bot.child.kill('SIGTERM');
    const [code] = await once(bot.child, 'exit');
    assert.equal(code, 0, bot.output());
  }
  await service?.close();
  await worker?.close();
  await peer?.close();
  if (config) await cleanPrefix(config.keyPrefix);
});

test('/summit brief is answered from the queue worker’s cached briefing, hostile text inert', async () => {
  const interaction = runCommand(peer, 'brief', { topic: 'trade' });
  const reply = await peer.waitFor(() => {
    const m = interaction.originalId ? peer.messages.get(interaction.originalId) : undefined;
    return m?.threadId ? m : undefined;
  }, 'the briefing and its thread', 30_000);
  const posted = asPosted(reply);
  assert.match(posted.text, /12,000 factory jobs/);
  assert.equal(posted.wouldPing, false);
  assert.ok(posted.links.every((l) => !/evil\.example/.test(l.url)));
  assert.deepEqual(peer.problems, []);
});

test('subscribe stores the subscription in Redis; the worker delivers the digest to Discord; its thread answers', async () => {
  const channelId = peer.addChannel('daily');
  const admin = { user: peer.users.admin, permissions: DiscordPeer.MANAGE_CHANNELS, channelId };
  const confirmation = await finalReply(peer, runCommand(peer, 'subscribe', { time: '08:00', timezone: 'Europe/Berlin' }, admin), 'the confirmation');
  assert.match(confirmation.content, /daily digest of \*\*freedonia\*\* at \*\*08:00\*\* \(Europe\/Berlin\)/);
  const [stored] = await service.service.subscriptions('discord', channelId);
  assert.equal(stored?.timeZone, 'Europe/Berlin');

  // "Send now" instead of waiting for 08:00: the same job the scheduler would add.
  await service.queue.add('digest', { subscriptionId: `discord:${channelId}`, scheduledAt: new Date().toISOString() });
  const digest = await peer.waitFor(() => peer.messagesIn(channelId).find((m) => m.threadId), 'the digest and its thread', 30_000);
  assert.match(digest.content, /^\*\*Daily digest: freedonia\*\*/);
  assert.match(asPosted(digest).text, /12,000 factory jobs/);
  assert.equal(asPosted(digest).wouldPing, false);

  const link = await (async () => {
    for (let i = 0; i < 100; i++) {
      const found = await service.service.thread(`discord:${digest.threadId}`);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return undefined;
  })();
  assert.equal(link?.storyId, 'freedonia', 'the worker linked the digest thread');

  const asked = postUserMessage(peer, digest.threadId as string, `<@${peer.botUser.id}> How many factory jobs are protected?`);
  const answer = await peer.waitFor(() => replyTo(peer, asked.id), 'the answer from the worker', 30_000);
  assert.match(answer.content, /12,000/);
  assert.deepEqual(peer.problems, []);
});
