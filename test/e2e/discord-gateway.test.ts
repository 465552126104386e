/**
 * The gateway session discord.js keeps with the peer: address from GET /gateway/bot, Identify
 * with the intents summit needs, heartbeats acknowledged, and a bad token refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiscordLoginError, startDiscordBot } from '../../src/chat/discord/bot.ts';
import { loadDiscordConfig } from '../../src/config/discord.ts';
import { runCommand } from '../peers/discord/actions.ts';
import { INTENT } from '../peers/discord/constants.ts';
import { bundledService, collectingLogger, eventually, finalReply, startBotHarness } from '../peers/discord/harness.ts';
import { DiscordPeer } from '../peers/discord/peer.ts';

test('the client finds the gateway through /gateway/bot, identifies, and keeps heartbeating', async () => {
  const h = await startBotHarness({ peer: { heartbeatIntervalMs: 40 } });
  try {
    assert.equal(h.peer.requestsTo('GET /gateway/bot').length, 1);
    const [session] = h.peer.gateway.sessions;
    assert.equal(session?.intents, INTENT.Guilds | INTENT.GuildMessages);
    await eventually(() => (session?.heartbeats ?? 0) >= 5, 'five acknowledged heartbeats');
    assert.equal(h.peer.gateway.sessions.length, 1, 'acks keep the session alive (no zombie reconnect)');
    assert.ok(h.bot.client.ws.ping >= 0, 'discord.js measured the heartbeat round trip');
    const reply = await finalReply(h.peer, runCommand(h.peer, 'help'));
    assert.ok(reply.embeds.length === 1);
    assert.deepEqual(h.peer.problems, []);
  } finally {
    await h.close();
  }
});

test('a wrong token fails login with a clear error', async () => {
  const peer = await DiscordPeer.start();
  try {
    const config = loadDiscordConfig({ DISCORD_TOKEN: 'a-token-that-is-not-the-bots', DISCORD_APPLICATION_ID: peer.applicationId, DISCORD_API_URL: peer.apiUrl });
    await assert.rejects(startDiscordBot({ config, service: await bundledService(), logger: collectingLogger([]), readyTimeoutMs: 5000 }), (error: unknown) => {
      assert.ok(error instanceof DiscordLoginError);
      assert.match(error.message, /check DISCORD_TOKEN/);
      return true;
    });
  } finally {
    await peer.close();
  }
});
