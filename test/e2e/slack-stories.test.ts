/**
 * Many stories per workspace, in the production shape: the Bolt app on the Redis-backed service,
 * a queue worker computing briefings, answers and digests and posting through SlackDelivery,
 * against the local Slack peer. Two channels of one workspace follow two stories with topics of
 * their own; a second workspace served by the same deployment can neither see nor use them.
 * `SUMMIT_TRANSCRIPT=1` prints the commands and replies.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { SlackDelivery } from '../../src/chat/slack/delivery.ts';
import { RedisEventDedupe } from '../../src/chat/slack/redis-dedupe.ts';
import { startWorker } from '../../src/main.ts';
import { STORY } from '../helpers/engine.ts';
import { ELECTION, ELECTION_TOPICS } from '../helpers/stories.ts';
import { countingEngine, ingest, queueTestEnv } from '../integration/queue-harness.ts';
import { messageEvent } from '../peers/slack/payloads.ts';
import { type SlackStack, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { postedMessage, visibleText } from '../peers/slack/wire.ts';

const logger = pino({ level: 'silent' });
const ELECTIONS = 'C0ELECTIONS';
const OTHER_TEAM = 'T0OTHER';
const OTHER_CHANNEL = 'C0OTHERGEN';

test('two channels follow two stories with their own topics; nothing crosses stories or workspaces', { timeout: 120_000 }, async (t) => {
  const env = await queueTestEnv('slack-stories', { workers: 0, env: { DEFAULT_STORY: 'freedonia' } });
  const stack = await startSlackStack({ service: env.service.service, dedupe: new RedisEventDedupe(env.service.redis, env.config.keyPrefix) });
  const delivery = SlackDelivery.fromConfig({ botToken: stack.peer.botToken, apiUrl: stack.peer.apiUrl }, { logger });
  const worker = await startWorker(env.config, { engine: countingEngine().engine, logger, deliveries: [{ delivery }], withoutOpsServer: true });
  t.after(async () => {
    await stack.close();
    await worker.close();
    await env.close();
  });
  for (const [id, name] of [[ELECTIONS, 'elections'], [OTHER_CHANNEL, 'other-general']] as const) {
    stack.peer.channels.set(id, { id, name, isPrivate: false, isArchived: false, members: new Set([PEER_IDS.admin, PEER_IDS.alice, PEER_IDS.botUser]) });
  }
  const transcript: string[] = [];
  const say = say_(stack, transcript);
  const admin = { user: PEER_IDS.admin };

  // Two stories made from chat; the second with topics of its own.
  assert.match(await say('story new Freedonia trade talks', admin), /New story \*Freedonia trade talks\* \(`freedonia-trade-talks`\), topics Economy \(economy\), Security \(security\)/);
  assert.match(await say(`story new Ruritania election topics: ${ELECTION_TOPICS}`, { ...admin, channel: ELECTIONS }), /`ruritania-election`\), topics Results \(results\), Coalition \(coalition\)/);
  await ingest(env, 'freedonia-trade-talks', STORY);
  await ingest(env, 'ruritania-election', ELECTION);
  // Only admins change what a channel follows.
  assert.match(await say('follow ruritania-election', { user: PEER_IDS.alice }), /Only workspace admins and owners .* can change this workspace’s stories/);
  assert.match(await say('follow freedonia-trade-talks', admin), /now follows \*Freedonia trade talks\*/);
  assert.match(await say('follow Ruritania election', { ...admin, channel: ELECTIONS }), /now follows \*Ruritania election\* \(`ruritania-election`\)/);
  const listed = await say('stories');
  assert.match(listed, /▸ \*Freedonia trade talks\* \(`freedonia-trade-talks`\) — 5 articles · updated just now · topics: economy, security/);
  assert.match(listed, /• \*Ruritania election\* \(`ruritania-election`\) — 3 articles/);
  assert.match(listed, /• \*freedonia\* \(`freedonia`\) — 0 articles · no articles yet · topics: economy, security · shared/);

  // Each channel is briefed from its own story, by its own topics.
  const generalBrief = postedMessage(await briefIn(stack, say, PEER_IDS.general)).text;
  assert.match(generalBrief, /Freedonia trade talks/);
  assert.match(generalBrief, /\*Economy\*/);
  assert.match(generalBrief, /12,000 factory jobs/);
  assert.doesNotMatch(generalBrief, /Ruritania|\*Results\*/);
  const electionMessage = await briefIn(stack, say, ELECTIONS);
  const electionBrief = postedMessage(electionMessage).text;
  assert.match(electionBrief, /Ruritania election/);
  assert.match(electionBrief, /\*Results\*/);
  assert.match(electionBrief, /42 seats/);
  assert.doesNotMatch(electionBrief, /\*Economy\*|Freedonia/);

  // Asks answer from the channel's story only.
  assert.match(await askIn(stack, say, ELECTIONS, 'How many seats did the Liberal Party win?'), /42 seats/);
  assert.match(await askIn(stack, say, PEER_IDS.general, 'How many seats did the Liberal Party win?'), /The articles don’t say|The articles don't say/);

  // brief story:<story> briefs another story once; the channel keeps its own.
  const once = await briefIn(stack, say, PEER_IDS.general, 'brief story:ruritania-election');
  assert.match(postedMessage(once).text, /\*Results\*[\s\S]*42 seats/);
  assert.equal((await env.service.service.thread(`slack:${once.channel}:${once.ts}`))?.storyId, 'ruritania-election');
  assert.equal(await env.service.service.channelStory({ platform: 'slack', workspaceId: PEER_IDS.team, channelId: PEER_IDS.general }), 'freedonia-trade-talks');

  // Topics per story: changing the election's topics changes its next briefing.
  assert.match(await say('topics results: seats votes ballots turnout', { ...admin, channel: ELECTIONS }), /now briefed by Results \(results\)\./);
  const narrowed = postedMessage(await briefIn(stack, say, ELECTIONS)).text;
  assert.match(narrowed, /\*Results\*/);
  assert.doesNotMatch(narrowed, /\*Coalition\*/);

  // Digests: each channel's digest comes from its own story.
  assert.match(await say('subscribe 08:30 Europe/Berlin', admin), /daily digest of \*freedonia-trade-talks\*/);
  assert.match(await say('subscribe 08:30 Europe/Berlin results', { ...admin, channel: ELECTIONS }), /daily digest of \*ruritania-election\*.*Results/);
  for (const channel of [PEER_IDS.general, ELECTIONS]) {
    await env.service.queue.wait(await env.service.queue.add('digest', { subscriptionId: `slack:${channel}`, scheduledAt: '2026-03-02T07:30:00Z' }), 15_000);
  }
  const digestIn = (channel: string) => waitFor(() => stack.peer.botMessages().find((m) => m.channel === channel && m.text.startsWith('Daily digest')), `the digest in ${channel}`, 20_000);
  const generalDigest = postedMessage(await digestIn(PEER_IDS.general)).text;
  const electionDigest = postedMessage(await digestIn(ELECTIONS)).text;
  transcript.push(`[digest in #general] ${firstLines(generalDigest)}`, `[digest in #elections] ${firstLines(electionDigest)}`);
  assert.match(generalDigest, /12,000 factory jobs/);
  assert.doesNotMatch(generalDigest, /Ruritania|seats/);
  assert.match(electionDigest, /42 seats/);
  assert.doesNotMatch(electionDigest, /Freedonia|factory/);

  // A thread keeps its story after the channel follows another one.
  const generalThread = stack.peer.botMessages().find((m) => m.channel === PEER_IDS.general && !m.threadTs && /Freedonia trade talks/.test(m.text)) as NonNullable<ReturnType<typeof stack.peer.botMessages>[number]>;
  assert.match(await say('follow ruritania-election', admin), /now follows \*Ruritania election\*.*Its daily digest follows it too/);
  const question = { channel: PEER_IDS.general, user: PEER_IDS.alice, ts: stack.peer.nextTs(), threadTs: generalThread.ts, text: 'How many factory jobs are protected?' };
  await stack.event(messageEvent(question));
  const followUp = await waitFor(() => stack.peer.botMessages().find((m) => m.threadTs === generalThread.ts), 'the follow-up answer', 20_000);
  transcript.push(`[#general thread of the Freedonia briefing] alice: ${question.text}`, `  → ${firstLines(postedMessage(followUp).text)}`);
  assert.match(postedMessage(followUp).text, /12,000/);

  // Another workspace of the same deployment: it sees only shared stories and cannot use ours.
  const other = { team: OTHER_TEAM, channel: OTHER_CHANNEL, ...admin };
  const otherList = await say('stories', other);
  assert.doesNotMatch(otherList, /ruritania|freedonia-trade-talks/i);
  assert.match(otherList, /`freedonia`/);
  assert.match(await say('follow ruritania-election', other), /there is no story “ruritania-election” here/);
  assert.match(await say('brief story:ruritania-election', other), /there is no story “ruritania-election” here/);
  assert.match(await say('story rename ruritania-election Stolen', other), /there is no story “ruritania-election” here/);
  assert.match(await say('story new Ruritania election', other), /`ruritania-election-2`/);
  assert.doesNotMatch(await say('stories'), /ruritania-election-2/, 'our workspace does not see theirs');
  assert.equal((await env.service.service.findStory({ platform: 'slack', workspaceId: PEER_IDS.team }, 'ruritania-election')).title, 'Ruritania election', 'not renamed');

  if (process.env.SUMMIT_TRANSCRIPT) console.log(transcript.join('\n'));
});

type Say = (text: string, options?: { channel?: string; user?: string; team?: string }) => Promise<string>;

/** Runs a command and returns what it answered (a response_url reply, or a new post by the bot in that channel). */
function say_(stack: SlackStack, transcript: string[]): Say {
  return async (text, options = {}) => {
    const channel = options.channel ?? PEER_IDS.general;
    const seenResponses = stack.peer.responses.length;
    const seenPosts = stack.peer.botMessages().length;
    const sent = await stack.command(text, options);
    const reply = await waitFor(
      () => {
        const response = stack.peer.responses.slice(seenResponses).find((r) => sent.responseUrl.endsWith(`/${r.responseUrl}`));
        if (response) {
          const shown = visibleText(response.body as { text: string; blocks?: unknown[] });
          return `${response.body.response_type === 'ephemeral' ? '(only to you) ' : ''}${shown}`;
        }
        const post = stack.peer.botMessages().slice(seenPosts).find((m) => m.channel === channel && !m.threadTs);
        return post ? postedMessage(post).text : undefined;
      },
      `the reply to /summit ${text}`,
      20_000,
    );
    const where = `${options.team ?? 'T0PEER'} #${stack.peer.channels.get(channel)?.name ?? channel}`;
    transcript.push(`[${where}] ${options.user === PEER_IDS.admin ? 'admin' : 'alice'}: /summit ${text}`, `  → ${firstLines(reply)}`);
    return reply;
  };
}

async function briefIn(stack: SlackStack, say: Say, channel: string, text = 'brief') {
  const before = stack.peer.botMessages().length;
  await say(text, { channel });
  return waitFor(() => stack.peer.botMessages().slice(before).find((m) => m.channel === channel && !m.threadTs), 'the briefing', 20_000);
}

async function askIn(stack: SlackStack, say: Say, channel: string, question: string) {
  await say(`ask ${question}`, { channel });
  const answer = stack.peer.botMessages().filter((m) => m.channel === channel && !m.threadTs).at(-1);
  return answer ? postedMessage(answer).text : '';
}

/** The first lines of a reply (Slack's notification text repeats its first block: shown once). */
function firstLines(text: string, lines = 4): string {
  const shown: string[] = [];
  for (const line of text.split('\n')) {
    const last = shown.at(-1);
    if (!line.trim() || line === last) continue;
    // The notification text is the header or first block in short: keep the fuller one.
    if (last !== undefined && shown.length === 1 && (line.startsWith(last) || line.replace(' — ', ': ') === last)) shown.pop();
    shown.push(line);
  }
  return shown.slice(0, lines).join('\n    ').slice(0, 600);
}
