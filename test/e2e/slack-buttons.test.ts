import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LocalSummitService } from '../../src/app/local-service.ts';
import { bundledService } from '../peers/slack/services.ts';
import { startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { postedMessage } from '../peers/slack/wire.ts';

let service: LocalSummitService;
before(async () => {
  service = await bundledService();
});

type Blocks = { type: string; elements?: { action_id: string; style?: string }[] }[];
const primary = (blocks: unknown) => (blocks as Blocks).find((b) => b.type === 'actions')?.elements?.find((e) => e.style === 'primary')?.action_id;

test('topic buttons switch the briefing in place, keeping its thread', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('brief');
  const message = await waitFor(() => stack.peer.botMessages()[0], 'the briefing');
  const threadId = `slack:${message.channel}:${message.ts}`;
  await waitFor(() => service.thread(threadId), 'the thread link');
  assert.equal(primary(message.blocks), 'summit_all_topics');

  const pressed = await stack.press(message, 'summit_topic_2', { user: PEER_IDS.bob });
  assert.equal(pressed.status, 200);
  await waitFor(() => message.history.length === 1, 'chat.update');
  const china = postedMessage(message).text;
  assert.ok(china.includes('*China*') && !china.includes('*Trade*'));
  assert.equal(primary(message.blocks), 'summit_topic_2');
  assert.equal(stack.peer.botMessages().length, 1, 'updated, not reposted');
  assert.equal((await service.thread(threadId))?.storyId, 'summit-2025', 'the thread still follows the story');

  await stack.press(message, 'summit_all_topics');
  await waitFor(() => message.history.length === 2, 'the second update');
  assert.ok(postedMessage(message).text.includes('*Trade*'));
});

test('the Sources button lists the sources only to whoever pressed it', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('brief');
  const message = await waitFor(() => stack.peer.botMessages()[0], 'the briefing');
  await stack.press(message, 'summit_sources', { user: PEER_IDS.bob });
  const reply = await waitFor(() => stack.peer.responses[0], 'the source list');
  assert.equal(reply.user, PEER_IDS.bob);
  assert.equal(reply.body.response_type, 'ephemeral');
  assert.equal(reply.body.replace_original, false);
  assert.match(JSON.stringify(reply.body.blocks), /Sources: Japan’s Prime Minister Takaichi Engages Trump on Trade and Security — 5 articles/);
  assert.equal(message.history.length, 0, 'the briefing is untouched');
});

test('a topic button on a message the bot can no longer edit tells the presser why', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('brief');
  const message = await waitFor(() => stack.peer.botMessages()[0], 'the briefing');
  stack.peer.channels.get(PEER_IDS.general)!.isArchived = true;
  await stack.press(message, 'summit_topic_0');
  const reply = await waitFor(() => stack.peer.responses[0], 'the explanation');
  assert.match(String(reply.body.text), /archived/);
  assert.equal(message.history.length, 0);
});
