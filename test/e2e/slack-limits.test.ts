import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { SlackDelivery } from '../../src/chat/slack/delivery.ts';
import { bigBriefing, bigStoryService } from '../peers/slack/big-story.ts';
import { BLOCK_LIMITS } from '../peers/slack/block-kit.ts';
import { startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS, type PeerMessage } from '../peers/slack/state.ts';
import { SlackWebApiPeer } from '../peers/slack/web-api-peer.ts';
import { postedMessage } from '../peers/slack/wire.ts';

const PUBLIC_BASE_URL = 'https://summit.example';

function assertWithinLimits(messages: PeerMessage[]) {
  for (const m of messages) {
    assert.ok((m.blocks?.length ?? 0) <= BLOCK_LIMITS.blocks);
    const size = postedMessage({ ...m, text: '' }).text.length;
    assert.ok(size <= BLOCK_LIMITS.totalText + 200, `message of ${size} characters`);
  }
}

test('a briefing too big for one message is split: the rest goes into its thread, nothing is lost', async (t) => {
  const briefing = bigBriefing();
  const service = bigStoryService(briefing);
  const stack = await startSlackStack({ service, env: { PUBLIC_BASE_URL } });
  t.after(() => stack.close());
  await stack.command('brief');
  const parent = await waitFor(() => stack.peer.botMessages().find((m) => !m.threadTs), 'the first part');
  // The thread is linked once every part is posted.
  await waitFor(() => service.thread(`slack:${parent.channel}:${parent.ts}`), 'all parts');
  const parts = stack.peer.botMessages();
  assert.ok(parts.length >= 3, `${parts.length} messages`);
  assert.ok(parts.slice(1).every((m) => m.threadTs === parent.ts), 'continuations are in the thread');
  assert.ok(stack.peer.calls.every((c) => c.ok), 'Slack accepted every message');
  assertWithinLimits(parts);
  const all = parts.map((m) => postedMessage(m).text).join('\n');
  for (const topic of briefing.topics) for (const [p] of topic.points.entries()) assert.ok(all.includes(`POINT-${topic.id.slice(1)}-${p} `), `point ${topic.id}/${p}`);
  for (let d = 0; d < 20; d++) assert.ok(all.includes(`DISAGREEMENT-${d} `), `disagreement ${d}`);
  assert.match(postedMessage(parts.at(-1)!).text, new RegExp(`Continued, part ${parts.length} of ${parts.length}`));
  assert.ok(JSON.stringify(parent.blocks).includes('summit_sources'), 'the buttons stay on the first message');
  assert.ok(postedMessage(parent).text.includes('+4 more'), 'a point lists at most 8 citations');
});

test('a switched topic is fitted into the one message it replaces, with a link to the full briefing', async (t) => {
  const briefing = bigBriefing({ topics: 3, points: 40 });
  const service = bigStoryService(briefing);
  const stack = await startSlackStack({ service, env: { PUBLIC_BASE_URL } });
  t.after(() => stack.close());
  await stack.command('brief');
  const parent = await waitFor(() => stack.peer.botMessages().find((m) => !m.threadTs), 'the briefing');
  await waitFor(() => service.thread(`slack:${parent.channel}:${parent.ts}`), 'all parts');
  await stack.press(parent, 'summit_topic_0');
  await waitFor(() => parent.history.length === 1, 'the update');
  assert.ok(stack.peer.callsOf('chat.update').every((c) => c.ok));
  assertWithinLimits([parent]);
  const text = postedMessage(parent).text;
  assert.match(text, /Shortened: \d+ more sections? not shown/);
  assert.ok(postedMessage(parent).links.some((l) => l.url === `${PUBLIC_BASE_URL}/briefings/big-t0`));
});

test('thousands of sources are listed as far as they fit, saying how many are left out', async (t) => {
  const briefing = bigBriefing({ articles: 2000, topics: 1, points: 1 });
  const stack = await startSlackStack({ service: bigStoryService(briefing), env: { PUBLIC_BASE_URL } });
  t.after(() => stack.close());
  await stack.command('sources');
  const reply = await waitFor(() => stack.peer.responses[0], 'the source list');
  const blocks = reply.body.blocks as unknown[];
  assert.ok(blocks.length <= BLOCK_LIMITS.blocks);
  const text = JSON.stringify(blocks);
  const listed = text.match(/\[\d+\] </g)?.length ?? 0;
  const hidden = Number(/(\d[\d,]*) more sources not shown/.exec(text)?.[1]?.replace(/,/g, ''));
  assert.equal(listed + hidden, 2000);
});

test('a long digest and an over-long story name are delivered within the limits', async (t) => {
  const peer = await SlackWebApiPeer.start();
  t.after(() => peer.close());
  const delivery = SlackDelivery.fromConfig({ botToken: peer.botToken, apiUrl: peer.apiUrl, publicBaseUrl: PUBLIC_BASE_URL }, { logger: pino({ level: 'silent' }) });
  const briefing = bigBriefing({ story: `S${'o'.repeat(400)} long story name` });
  await delivery.postDigest(
    { platform: 'slack', workspaceId: PEER_IDS.team, channelId: PEER_IDS.general, storyId: 'big', time: '08:00', timeZone: 'UTC', topics: [], createdBy: PEER_IDS.admin },
    { ...briefing, localDate: '2026-01-01', nothingNew: false, briefingId: 'big-all' },
  );
  assert.ok(peer.calls.every((c) => c.ok));
  assert.ok(peer.botMessages().length >= 3);
  assertWithinLimits(peer.botMessages());
});
