import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { pino } from 'pino';
import type { LocalSummitService } from '../../src/app/local-service.ts';
import { startSlackApp } from '../../src/chat/slack/app.ts';
import { loadSlackConfig } from '../../src/config/slack.ts';
import { messageEvent } from '../peers/slack/payloads.ts';
import { bundledService } from '../peers/slack/services.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { SlackWebApiPeer } from '../peers/slack/web-api-peer.ts';
import { postedMessage } from '../peers/slack/wire.ts';

let service: LocalSummitService;
before(async () => {
  service = await bundledService();
});

test('Socket Mode: connects with the app token, acks every envelope, and works end to end', async (t) => {
  const stack = await startSlackStack({ service, mode: 'socket' });
  t.after(() => stack.close());
  const socket = stack.socket!;
  assert.equal(stack.app.mode, 'socket');
  assert.equal(stack.app.port, undefined, 'no HTTP port is opened');
  const open = stack.peer.callsOf('apps.connections.open');
  assert.equal(open.length, 1);
  assert.equal(open[0]?.token, stack.peer.appToken, 'apps.connections.open uses the app-level token');
  assert.equal(stack.peer.callsOf('auth.test')[0]?.token, stack.peer.botToken);
  assert.equal(socket.connections, 1);

  const help = await stack.command('help');
  assert.ok(help.elapsedMs < 1000, `acked in ${help.elapsedMs} ms`);
  assert.equal(help.ack?.response_type, 'ephemeral', 'the help travels in the ack payload');

  const brief = await stack.command('brief');
  assert.ok(brief.elapsedMs < 1000);
  const message = await waitFor(() => stack.peer.botMessages()[0], 'the briefing');
  assert.ok(postedMessage(message).text.includes('*Trade*'));
  await waitFor(() => service.thread(`slack:${message.channel}:${message.ts}`), 'the thread link');

  const reply = { channel: message.channel, user: PEER_IDS.bob, ts: stack.peer.nextTs(), threadTs: message.ts, text: 'How much will Japan invest in US industries?' };
  await stack.event(messageEvent(reply), { eventId: 'Ev0SOCKET001' });
  await stack.event(messageEvent(reply), { eventId: 'Ev0SOCKET001', retryNum: 1 });
  const answer = await waitFor(() => stack.peer.botMessages().find((m) => m.threadTs === message.ts), 'the answer');
  assert.match(answer.text, /550 billion/);

  await stack.press(message, 'summit_topic_1');
  await waitFor(() => message.history.length === 1, 'the topic switch');
  assert.ok(postedMessage(message).text.includes('*Defence*'));

  await settle(300);
  assert.equal(stack.peer.botMessages().filter((m) => m.threadTs === message.ts).length, 1, 'the retry was not answered again');
  assert.deepEqual(socket.strayMessages, []);
  assert.ok(socket.acks.length >= 5);
});

test('Socket Mode with a revoked bot token fails at start with Slack’s reason', async () => {
  const peer = await SlackWebApiPeer.start();
  try {
    peer.revoke(peer.botToken);
    const config = loadSlackConfig({ SLACK_BOT_TOKEN: peer.botToken, SLACK_APP_TOKEN: peer.appToken, SLACK_API_URL: peer.apiUrl });
    await assert.rejects(startSlackApp(config, { service, logger: pino({ level: 'silent' }) }), /token_revoked/);
    assert.equal(peer.callsOf('apps.connections.open').length, 0, 'no socket is opened with a bad bot token');
  } finally {
    await peer.close();
  }
});
