/**
 * `/summit subscribe` and `/summit unsubscribe`: who may use them, how input is checked, and
 * what is stored — through the real discord.js client and the local Discord peer.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { REFUSAL } from '../../src/chat/discord/commands/subscribe.ts';
import { runCommand } from '../peers/discord/actions.ts';
import { CALLBACK, CHANNEL_TYPE, MESSAGE_FLAG, P } from '../peers/discord/constants.ts';
import { type BotHarness, briefingReply, finalReply, startBotHarness } from '../peers/discord/harness.ts';
import { DiscordPeer } from '../peers/discord/peer.ts';
import { MEMBER_PERMISSIONS } from '../peers/discord/state.ts';

let h: BotHarness;
before(async () => {
  h = await startBotHarness({ adminRole: true });
});
after(async () => {
  await h?.close();
});

const admin = () => ({ user: h.peer.users.admin, permissions: DiscordPeer.MANAGE_CHANNELS });

function isPrivate(message: { flags: number }) {
  return (message.flags & MESSAGE_FLAG.Ephemeral) === MESSAGE_FLAG.Ephemeral;
}

test('a member without Manage Channels is refused privately and nothing is stored', async () => {
  const channelId = h.peer.addChannel('refused');
  const reply = await finalReply(h.peer, runCommand(h.peer, 'subscribe', { time: '07:30' }, { channelId }));
  assert.ok(isPrivate(reply));
  assert.equal(reply.content, REFUSAL);
  assert.deepEqual(await h.service.subscriptions('discord', channelId), []);

  const stop = await finalReply(h.peer, runCommand(h.peer, 'unsubscribe', {}, { channelId }));
  assert.ok(isPrivate(stop));
  assert.equal(stop.content, REFUSAL);
  assert.deepEqual(h.peer.problems, []);
});

test('Manage Channels subscribes the channel: time, IANA zone and topics stored, confirmation public', async () => {
  const channelId = h.peer.addChannel('digest');
  const interaction = runCommand(h.peer, 'subscribe', { time: '7:30', timezone: 'europe/berlin', topics: 'Trade, china' }, { ...admin(), channelId });
  const reply = await finalReply(h.peer, interaction);
  assert.equal(interaction.callbackType, CALLBACK.DeferredChannelMessageWithSource);
  assert.ok(!isPrivate(reply));
  assert.match(reply.content, /daily digest of \*\*summit-2025\*\* at \*\*07:30\*\* \(Europe\/Berlin\), topics: Trade, China\./);
  assert.doesNotMatch(reply.content, /missing/);
  assert.deepEqual(await h.service.subscriptions('discord', channelId), [
    {
      platform: 'discord',
      workspaceId: h.peer.guildId,
      channelId,
      storyId: 'summit-2025',
      time: '07:30',
      timeZone: 'Europe/Berlin',
      topics: ['trade', 'china'],
      createdBy: h.peer.users.admin.id,
    },
  ]);

  const stopped = await finalReply(h.peer, runCommand(h.peer, 'unsubscribe', {}, { ...admin(), channelId }));
  assert.equal(stopped.content, 'Daily digest stopped for this channel.');
  assert.deepEqual(await h.service.subscriptions('discord', channelId), []);
  const again = await finalReply(h.peer, runCommand(h.peer, 'unsubscribe', {}, { ...admin(), channelId }));
  assert.equal(again.content, 'This channel had no daily digest.');
  assert.deepEqual(h.peer.problems, []);
});

test('the configured admin role may subscribe without Manage Channels; the default zone is UTC', async () => {
  const channelId = h.peer.addChannel('role');
  const reply = await finalReply(h.peer, runCommand(h.peer, 'subscribe', { time: '18:05' }, { channelId, roles: [h.peer.adminRoleId], permissions: MEMBER_PERMISSIONS }));
  assert.match(reply.content, /at \*\*18:05\*\* \(UTC\), all topics\./);
  const [stored] = await h.service.subscriptions('discord', channelId);
  assert.equal(stored?.timeZone, 'UTC');
  assert.deepEqual(stored?.topics, []);
});

test('bad time, zone or topics get a clear private error and store nothing', async () => {
  const channelId = h.peer.addChannel('typos');
  const cases: [Record<string, string>, RegExp][] = [
    [{ time: '7pm' }, /“7pm” is not a time of day\. Use 24-hour HH:MM, for example 07:30/],
    [{ time: '24:00' }, /“24:00” is not a time of day/],
    [{ time: '08:00', timezone: 'Berlin' }, /“Berlin” is not a time zone I know\. Use an IANA time zone such as Europe\/Berlin/],
    [{ time: '08:00', timezone: '+02:00' }, /“\+02:00” is a fixed offset, which ignores daylight saving/],
    [{ time: '08:00', topics: 'trade,sports' }, /Unknown topic “sports”\. Topics are: trade, defence, china\./],
  ];
  for (const [options, expected] of cases) {
    const interaction = runCommand(h.peer, 'subscribe', options, { ...admin(), channelId });
    const reply = await finalReply(h.peer, interaction);
    assert.equal(interaction.callbackType, CALLBACK.ChannelMessageWithSource, 'answered at once');
    assert.ok(isPrivate(reply));
    assert.match(reply.content, expected);
  }
  assert.deepEqual(await h.service.subscriptions('discord', channelId), []);
  assert.deepEqual(h.peer.problems, []);
});

test('subscribing warns when the bot lacks what digests need in the channel', async () => {
  const channelId = h.peer.addChannel('read-only', P.ViewChannel | P.ReadMessageHistory | P.UseApplicationCommands);
  const reply = await finalReply(h.peer, runCommand(h.peer, 'subscribe', { time: '09:00' }, { ...admin(), channelId }));
  assert.match(reply.content, /I am missing \*\*Send Messages, Embed Links, Create Public Threads, Send Messages in Threads\*\* here/);
  assert.equal((await h.service.subscriptions('discord', channelId)).length, 1, 'subscribed anyway: an admin can fix permissions later');
});

test('a thread cannot be subscribed', async () => {
  const { reply } = await briefingReply(h, runCommand(h.peer, 'brief', { topic: 'trade' }));
  const threadId = reply.threadId as string;
  assert.equal(h.peer.channels.get(threadId)?.type, CHANNEL_TYPE.PublicThread);
  const refused = await finalReply(h.peer, runCommand(h.peer, 'subscribe', { time: '09:00' }, { ...admin(), channelId: threadId }));
  assert.ok(isPrivate(refused));
  assert.match(refused.content, /subscribe a channel, not a thread/);
  assert.deepEqual(await h.service.subscriptions('discord', threadId), []);
});
