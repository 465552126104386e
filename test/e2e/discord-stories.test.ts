/**
 * Many stories per server through the real discord.js bot against the local Discord peer, on the
 * Redis-backed service with a queue worker: two channels follow two stories with topics of their
 * own; a thread keeps its story; another guild served by the same bot cannot use them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { STORY } from '../helpers/engine.ts';
import { ELECTION, ELECTION_TOPICS } from '../helpers/stories.ts';
import { ingest, type QueueTestEnv, queueTestEnv } from '../integration/queue-harness.ts';
import { type Actor, postUserMessage, runCommand } from '../peers/discord/actions.ts';
import { asPosted, type BotHarness, briefingReply, finalReply, startBotHarness } from '../peers/discord/harness.ts';
import { DiscordPeer } from '../peers/discord/peer.ts';

let env: QueueTestEnv;
let h: BotHarness;
before(async () => {
  env = await queueTestEnv('discord-stories', { workers: 1, env: { DEFAULT_STORY: 'freedonia' } });
  h = await startBotHarness({ service: env.service.service });
});
after(async () => {
  await h?.close();
  await env?.close();
});

const admin = (channelId?: string): Actor => ({ user: h.peer.users.admin, permissions: DiscordPeer.MANAGE_CHANNELS, ...(channelId ? { channelId } : {}) });
const text = async (interaction: ReturnType<typeof runCommand>) => asPosted(await finalReply(h.peer, interaction)).text;
/** An ephemeral reply or follow-up: what only the person who ran the command sees. */
const privateText = (interaction: ReturnType<typeof runCommand>) =>
  h.peer.waitFor(() => {
    const ids = [interaction.originalId, ...interaction.followUpIds].filter((id): id is string => Boolean(id));
    const message = ids.map((id) => h.peer.messages.get(id)).find((m) => m && (m.flags & 64) !== 0 && (m.flags & 128) === 0);
    return message ? asPosted(message).text : undefined;
  }, 'the private reply');

test('two channels follow two stories by their own topics; threads keep theirs; another guild is refused', { timeout: 90_000 }, async () => {
  const elections = h.peer.addChannel('elections');

  assert.match(await text(runCommand(h.peer, 'story new', { title: 'Freedonia trade talks' }, admin())), /New story \*\*Freedonia trade talks\*\* \(`freedonia-trade-talks`\)/);
  assert.match(await text(runCommand(h.peer, 'story new', { title: 'Ruritania election', topics: ELECTION_TOPICS }, admin(elections))), /topics Results \(results\), Coalition \(coalition\)/);
  await ingest(env, 'freedonia-trade-talks', STORY);
  await ingest(env, 'ruritania-election', ELECTION);
  assert.match(await privateText(runCommand(h.peer, 'follow', { story: 'ruritania-election' })), /Manage Channels/, 'members without Manage Channels are refused');
  assert.match(await text(runCommand(h.peer, 'follow', { story: 'freedonia-trade-talks' }, admin())), /now follows \*\*Freedonia trade talks\*\*/);
  assert.match(await text(runCommand(h.peer, 'follow', { story: 'Ruritania election' }, admin(elections))), /now follows \*\*Ruritania election\*\*/);

  const tradeBrief = await briefingReply(h, runCommand(h.peer, 'brief'));
  assert.equal(tradeBrief.link.storyId, 'freedonia-trade-talks');
  const tradeText = asPosted(tradeBrief.reply).text;
  assert.match(tradeText, /Freedonia trade talks/);
  assert.match(tradeText, /Economy/);
  assert.doesNotMatch(tradeText, /Ruritania|Results/);
  const electionBrief = await briefingReply(h, runCommand(h.peer, 'brief', {}, { channelId: elections }));
  const electionText = asPosted(electionBrief.reply).text;
  assert.equal(electionBrief.link.storyId, 'ruritania-election');
  assert.match(electionText, /Ruritania election/);
  assert.match(electionText, /Results[\s\S]*42 seats/);
  assert.doesNotMatch(electionText, /Economy|Freedonia/);
  assert.match(await privateText(runCommand(h.peer, 'brief', { topic: 'economy' }, { channelId: elections })), /Unknown topic “economy”\. Topics are: results, coalition/);

  assert.match(await text(runCommand(h.peer, 'ask', { question: 'How many seats did the Liberal Party win?' }, { channelId: elections })), /42 seats/);
  assert.match(await text(runCommand(h.peer, 'ask', { question: 'How many seats did the Liberal Party win?' })), /The articles don.t say/);
  const once = await briefingReply(h, runCommand(h.peer, 'brief', { story: 'ruritania-election' }));
  assert.equal(once.link.storyId, 'ruritania-election', 'story: briefs another story once');
  assert.match(await privateText(runCommand(h.peer, 'topics')), /freedonia-trade-talks\*\* is briefed by Economy/, 'the channel keeps its story');

  // The trade channel follows the election now; its earlier briefing thread still answers from trade.
  assert.match(await text(runCommand(h.peer, 'follow', { story: 'ruritania-election' }, admin())), /now follows \*\*Ruritania election\*\*/);
  const threadId = tradeBrief.reply.threadId as string;
  const question = postUserMessage(h.peer, threadId, `<@${h.peer.botUser.id}> How many factory jobs are protected?`);
  const answer = await h.peer.waitFor(() => [...h.peer.messages.values()].find((m) => m.channelId === threadId && m.replyTo === question.id), 'the thread answer', 20_000);
  assert.match(asPosted(answer).text, /12,000/);

  // Another guild served by the same bot: ids are not secrets, ownership decides.
  const otherGuild = h.peer.nextId();
  const other = { ...admin(), guildId: otherGuild };
  assert.match(await privateText(runCommand(h.peer, 'follow', { story: 'ruritania-election' }, other)), /There is no story “ruritania-election” here/);
  assert.match(await privateText(runCommand(h.peer, 'brief', { story: 'freedonia-trade-talks' }, other)), /There is no story “freedonia-trade-talks” here/);
  assert.match(await privateText(runCommand(h.peer, 'story archive', { story: 'ruritania-election' }, other)), /There is no story “ruritania-election” here/);
  const otherList = await privateText(runCommand(h.peer, 'stories', {}, other));
  assert.doesNotMatch(otherList, /ruritania|freedonia-trade-talks/i);
  const ours = await privateText(runCommand(h.peer, 'stories'));
  assert.match(ours, /Freedonia trade talks[\s\S]*Ruritania election/);
  assert.deepEqual(h.peer.problems, []);
});
