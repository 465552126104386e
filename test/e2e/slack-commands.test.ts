import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LocalSummitService } from '../../src/app/local-service.ts';
import { bundledService, gatedService } from '../peers/slack/services.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { postedMessage } from '../peers/slack/wire.ts';

let service: LocalSummitService;
before(async () => {
  service = await bundledService();
});

const topLevel = (stack: Awaited<ReturnType<typeof startSlackStack>>) => stack.peer.messages.filter((m) => !m.threadTs);

test('/summit brief acks at once, then posts the briefing as the bot and links its thread', async (t) => {
  const gated = gatedService(service);
  const stack = await startSlackStack({ service: gated.service });
  t.after(() => stack.close());
  const ack = await stack.command('brief');
  assert.equal(ack.status, 200);
  assert.ok(ack.elapsedMs < 1000, `acked in ${ack.elapsedMs} ms`);
  await waitFor(() => gated.calls() === 1, 'the briefing to be requested');
  assert.equal(stack.peer.messages.length, 0, 'nothing is posted before the briefing exists');
  gated.release();
  const message = await waitFor(() => topLevel(stack)[0], 'the briefing post');
  assert.equal(message.channel, PEER_IDS.general);
  assert.equal(message.user, PEER_IDS.botUser);
  assert.equal(message.params.parse, 'none');
  assert.equal(message.params.link_names, 'false');
  const blocks = message.blocks as { type: string; text?: { text: string }; elements?: { action_id: string }[] }[];
  assert.equal(blocks[0]?.type, 'header');
  assert.match(blocks[0]?.text?.text ?? '', /^Japan’s Prime Minister Takaichi Engages Trump on Trade and Security — 5 articles, \d independent sources?$/);
  const text = postedMessage(message).text;
  for (const label of ['*Also making news*', '*Trade*', '*Defence*', '*China*']) assert.ok(text.includes(label), label);
  assert.ok(text.indexOf('*Also making news*') < text.indexOf('*Trade*'), 'the overview comes first');
  // Where sources differ sits under the section it is about; what none takes comes after them.
  assert.match(text, /\*Also making news\*\n(?:• .*\n)+_Sources differ_\n• How Trump is titled/);
  assert.match(text, /\*Defence\*\n(?:• .*\n)+_Sources differ_\n• Detail: .*Tomahawk/);
  assert.match(text, /\*China\*\n(?:• .*\n)+\*Sources differ on other points\*\n(?:• .*\n)*• Place:/);
  assert.match(text, /• .+ \[\d\]/, 'points with numbered sources');
  // How well each point is backed: the independent count on a corroborated point, "copies" where
  // the numbers are one report, nothing where one article says it.
  assert.match(text, /^• Japan’s newly inducted Prime Minister .* _\(2 independent reports and 2 copies\)_$/m);
  assert.match(text, /^• The PM is expected to pursue further relief .* _\(1 report and 2 copies of it\)_$/m);
  assert.match(text, /^• After months of negotiations, tariffs .*\[5\]$/m, 'a one-article point has no label');
  assert.doesNotMatch(text, /single source/);
  assert.match(text, /^\[2\] .* · rewrite of \[1\]$/m, 'the sources below mark rewrites');
  assert.match(text, /summit-offline\/3 · <!date\^\d+\^/);
  const buttons = blocks.find((b) => b.type === 'actions')?.elements?.map((e) => e.action_id);
  assert.deepEqual(buttons, ['summit_all_topics', 'summit_topic_0', 'summit_topic_1', 'summit_topic_2', 'summit_sources']);
  const link = await waitFor(() => service.thread(`slack:${message.channel}:${message.ts}`), 'the thread link');
  assert.equal(link.storyId, 'summit-2025');
  assert.ok(link.briefingId);
});

test('/summit brief <topic> posts only that topic; an unknown topic (of the channel’s story) is refused only to the asker', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('brief China');
  const message = await waitFor(() => topLevel(stack)[0], 'the briefing post');
  const text = postedMessage(message).text;
  assert.ok(text.includes('*China*'));
  assert.ok(!text.includes('*Trade*'));
  assert.ok(!text.includes('Sources differ'), 'a one-topic brief shows only its own disagreements (China has none)');
  await stack.command('brief weather');
  const bad = await waitFor(() => stack.peer.responses.find((r) => /no topic/.test(String(r.body.text))), 'the refusal');
  assert.equal(bad.body.response_type, 'ephemeral');
  assert.match(String(bad.body.text), /no topic “weather”.*`trade`/);
  await settle();
  assert.equal(topLevel(stack).length, 1);
});

test('/summit brief where the bot is not a member answers through response_url with how to invite it', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('brief', { channel: PEER_IDS.random });
  const reply = await waitFor(() => stack.peer.responses[0], 'the response_url reply');
  assert.equal(reply.body.response_type, 'ephemeral');
  assert.match(String(reply.body.text), /not a member.*\/invite @summit/);
  assert.equal(stack.peer.callsOf('chat.postMessage')[0]?.error, 'not_in_channel');

  await stack.command('brief', { channel: PEER_IDS.secret });
  const hidden = await waitFor(() => stack.peer.responses[1], 'the second reply');
  assert.match(String(hidden.body.text), /private or a direct message.*\/invite @summit/);
  assert.equal(stack.peer.messages.length, 0);
});

test('/summit ask posts the answer with citations and opens a thread for follow-ups', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('ask What will Japan buy from the United States?');
  const message = await waitFor(() => topLevel(stack)[0], 'the answer');
  const text = postedMessage(message).text;
  assert.match(text, /\*Q:\* What will Japan buy from the United States\?/);
  assert.match(text, /\[1\] “/);
  assert.ok(await waitFor(() => service.thread(`slack:${message.channel}:${message.ts}`), 'thread link'));

  await stack.command('ask Did they discuss Atlantis?');
  const none = await waitFor(() => topLevel(stack)[1], 'the second answer');
  assert.match(postedMessage(none).text, /The articles don't say\./);
});

test('/summit sources lists every article privately, numbered like the briefing', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('sources');
  const reply = await waitFor(() => stack.peer.responses[0], 'the source list');
  assert.equal(reply.body.response_type, 'ephemeral');
  const text = postedMessage({ channel: reply.channel, ts: '1.1', user: '', text: String(reply.body.text), blocks: reply.body.blocks as unknown[], params: {}, history: [] }).text;
  for (let n = 1; n <= 5; n++) assert.match(text, new RegExp(`\\[${n}\\] `));
  assert.match(text, /^\[2\] .* · rewrite of \[1\]$/m);
  assert.match(text, /^\[4\] .* · rewrite of \[1\]$/m);
  assert.doesNotMatch(text, /^\[1\] .*rewrite/m, 'the original is not marked');
  assert.equal(stack.peer.messages.length, 0, 'nothing posted in the channel');
});

test('/summit help, an empty command and unknown words show the help in the ack', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  for (const text of ['help', '', 'dance', 'ask']) {
    const r = await stack.command(text);
    assert.equal(r.ack?.response_type, 'ephemeral', text);
    const blocks = JSON.stringify(r.ack?.blocks);
    assert.match(blocks, /\/summit subscribe HH:MM/, text);
    if (text === 'dance') assert.match(blocks, /I don’t know “dance”/);
    if (text === 'ask') assert.match(blocks, /needs a question/);
  }
  await settle(100);
  assert.equal(stack.peer.messages.length, 0);
});
