import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LocalSummitService } from '../../src/app/local-service.ts';
import { appMentionEvent, messageEvent } from '../peers/slack/payloads.ts';
import { bundledService } from '../peers/slack/services.ts';
import { settle, type SlackStack, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS, type PeerMessage } from '../peers/slack/state.ts';
import { postedMessage } from '../peers/slack/wire.ts';

let service: LocalSummitService;
before(async () => {
  service = await bundledService();
});

/** Posts a briefing and waits until its thread is linked; returns the parent message. */
async function briefing(stack: SlackStack): Promise<PeerMessage> {
  await stack.command('brief');
  const parent = await waitFor(() => stack.peer.botMessages().find((m) => !m.threadTs), 'the briefing');
  await waitFor(() => service.thread(`slack:${parent.channel}:${parent.ts}`), 'the thread link');
  return parent;
}

const repliesIn = (stack: SlackStack, parent: PeerMessage) => stack.peer.botMessages().filter((m) => m.threadTs === parent.ts);

test('a reply in a briefing thread is answered in that thread, from the articles, with citations', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  const parent = await briefing(stack);
  const user = { channel: parent.channel, user: PEER_IDS.alice, ts: stack.peer.nextTs(), threadTs: parent.ts };
  await stack.event(messageEvent({ ...user, text: 'How much will Japan invest in US industries?' }));
  const answer = await waitFor(() => repliesIn(stack, parent)[0], 'the answer');
  const posted = postedMessage(answer);
  assert.equal(posted.threadId, `slack:${parent.channel}:${parent.ts}`);
  assert.match(posted.text, /550 billion/);
  assert.match(posted.text, /\[1\] “.*” — /);
  assert.equal(posted.wouldPing, false, 'the asker is not @-mentioned');

  const turns = (await service.thread(posted.threadId as string))?.turns ?? [];
  assert.equal(turns.at(-1)?.question, 'How much will Japan invest in US industries?');

  await stack.event(messageEvent({ ...user, ts: stack.peer.nextTs(), text: 'What did they say about Atlantis?' }));
  const none = await waitFor(() => repliesIn(stack, parent)[1], 'the second answer');
  assert.match(postedMessage(none).text, /The articles don't say\./);
});

test('Slack retries and the message/app_mention pair never cause a second post', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  const parent = await briefing(stack);
  const message = {
    channel: parent.channel,
    user: PEER_IDS.alice,
    ts: stack.peer.nextTs(),
    threadTs: parent.ts,
    text: `<@${PEER_IDS.botUser}> What will Japan buy from the United States?`,
  };
  const eventId = 'Ev0RETRY0001';
  const first = await stack.event(messageEvent(message), { eventId });
  assert.equal(first.status, 200);
  await stack.event(appMentionEvent(message), { eventId: 'Ev0MENTION01' });
  for (const retryNum of [1, 2, 3]) {
    const retry = await stack.event(messageEvent(message), { eventId, retryNum });
    assert.equal(retry.status, 200, 'retries are acknowledged so Slack stops sending them');
  }
  await waitFor(() => repliesIn(stack, parent)[0], 'the answer');
  await settle(400);
  assert.equal(repliesIn(stack, parent).length, 1);
  assert.match(repliesIn(stack, parent)[0]?.text ?? '', /pickup trucks|natural gas|agricultural/);
});

test('own posts, edits, replies to others, parents and unlinked threads are left alone', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  const parent = await briefing(stack);
  const base = { channel: parent.channel, threadTs: parent.ts, text: 'What about tariffs?' };
  await stack.event({ ...messageEvent({ ...base, user: PEER_IDS.botUser, ts: stack.peer.nextTs() }), bot_id: PEER_IDS.botId });
  await stack.event({ ...messageEvent({ ...base, user: PEER_IDS.alice, ts: stack.peer.nextTs() }), subtype: 'message_changed' });
  await stack.event(messageEvent({ ...base, user: PEER_IDS.alice, ts: stack.peer.nextTs(), text: `<@${PEER_IDS.bob}> what do you think?` }));
  await stack.event(messageEvent({ channel: parent.channel, user: PEER_IDS.alice, ts: parent.ts, text: 'parent' }));
  await stack.event(messageEvent({ ...base, user: PEER_IDS.alice, ts: stack.peer.nextTs(), threadTs: '1700000000.000001' }));
  await stack.event(messageEvent({ channel: parent.channel, user: PEER_IDS.alice, ts: stack.peer.nextTs(), text: 'top-level chatter' }));
  await settle(400);
  assert.equal(stack.peer.botMessages().length, 1, 'only the briefing itself');
});

test('@summit at the top level answers in a new thread that then takes follow-ups', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  const ts = stack.peer.nextTs();
  await stack.event(appMentionEvent({ channel: PEER_IDS.general, user: PEER_IDS.bob, ts, text: `<@${PEER_IDS.botUser}> Did they discuss rare earths?` }));
  const answer = await waitFor(() => stack.peer.botMessages().find((m) => m.threadTs === ts), 'the answer');
  assert.match(answer.text, /rare earths/i);
  await stack.event(messageEvent({ channel: PEER_IDS.general, user: PEER_IDS.bob, ts: stack.peer.nextTs(), threadTs: ts, text: 'And what about defence spending?' }));
  await waitFor(() => stack.peer.botMessages().filter((m) => m.threadTs === ts).length === 2, 'the follow-up answer');
});
