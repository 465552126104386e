import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { ChannelUnavailableError } from '../../src/app/delivery-errors.ts';
import type { LocalSummitService } from '../../src/app/local-service.ts';
import { SlackDelivery } from '../../src/chat/slack/delivery.ts';
import { SlackApiError } from '../../src/chat/slack/errors.ts';
import type { Digest, Subscription } from '../../src/core/types.ts';
import { bundledService } from '../peers/slack/services.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { SlackWebApiPeer } from '../peers/slack/web-api-peer.ts';
import { postedMessage } from '../peers/slack/wire.ts';

const logger = pino({ level: 'silent' });
let service: LocalSummitService;
let digest: Digest;
before(async () => {
  service = await bundledService();
  const { briefingId, briefing } = await service.brief({ storyId: 'summit-2025' });
  digest = { ...briefing, localDate: '2026-01-01', nothingNew: false, briefingId };
});

const subscription = (channelId: string = PEER_IDS.general): Subscription => ({
  platform: 'slack',
  workspaceId: PEER_IDS.team,
  channelId,
  storyId: 'summit-2025',
  time: '08:00',
  timeZone: 'Europe/Berlin',
  topics: [],
  createdBy: PEER_IDS.admin,
});

async function setup(t: { after: (fn: () => Promise<void>) => void }) {
  const peer = await SlackWebApiPeer.start();
  t.after(() => peer.close());
  const delivery = SlackDelivery.fromConfig(
    { botToken: peer.botToken, apiUrl: peer.apiUrl, publicBaseUrl: 'https://summit.example' },
    { logger, threads: service },
  );
  return { peer, delivery };
}

test('a digest is posted with absolute source links and opens a thread linked to its story', async (t) => {
  const { peer, delivery } = await setup(t);
  const { threadId } = await delivery.postDigest(subscription(), digest);
  const [message] = peer.botMessages();
  assert.ok(message);
  assert.equal(threadId, `slack:${PEER_IDS.general}:${message.ts}`);
  const posted = postedMessage(message);
  assert.match(posted.text, /Daily digest: Japan’s Prime Minister Takaichi Engages Trump on Trade and Security — 2026-01-01/);
  assert.match(posted.text, /What's new: \d+ points/);
  assert.ok(posted.links.length > 5);
  for (const link of posted.links) assert.match(link.url, /^https:\/\/summit\.example\/(articles\/[0-9a-f]+(#s\d+)?|briefings\/)/);
  assert.ok(posted.links.some((l) => l.label === 'Full briefing' && l.url.endsWith(`/briefings/${digest.briefingId}`)));
  assert.equal(posted.wouldPing, false);
  assert.equal((await service.thread(threadId))?.storyId, 'summit-2025');
});

test('a digest with nothing new says so', async (t) => {
  const { peer, delivery } = await setup(t);
  await delivery.postDigest(subscription(), { ...digest, nothingNew: true, topics: [], disagreements: [] });
  assert.match(postedMessage(peer.botMessages()[0]!).text, /Nothing new on \*Japan’s Prime Minister Takaichi Engages Trump on Trade and Security\* since the last digest/);
});

test('429 Retry-After is honoured: the post waits and is sent once more', async (t) => {
  const { peer, delivery } = await setup(t);
  peer.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
  const started = Date.now();
  await delivery.postDigest(subscription(), digest);
  const calls = peer.callsOf('chat.postMessage');
  assert.deepEqual(calls.map((c) => c.status), [429, 200]);
  assert.ok((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0) >= 1000, 'waited for Retry-After');
  assert.ok(Date.now() - started >= 1000);
  assert.equal(peer.botMessages().length, 1);
});

test('closed channels and revoked tokens fail as ChannelUnavailableError with Slack’s code', async (t) => {
  const { peer, delivery } = await setup(t);
  const cases: [string, string][] = [
    [PEER_IDS.random, 'not_in_channel'],
    [PEER_IDS.secret, 'channel_not_found'],
    [PEER_IDS.archived, 'is_archived'],
    ['C0DELETED', 'channel_not_found'],
  ];
  for (const [channel, code] of cases) {
    await assert.rejects(delivery.postDigest(subscription(channel), digest), (error: unknown) => {
      assert.ok(error instanceof ChannelUnavailableError, String(error));
      assert.equal(error.code, 'delivery:channel-unavailable');
      assert.equal(error.platformCode, code);
      assert.ok(error.cause instanceof SlackApiError);
      return true;
    });
  }
  peer.revoke(peer.botToken);
  await assert.rejects(delivery.postDigest(subscription(), digest), (error: unknown) => {
    assert.ok(error instanceof ChannelUnavailableError);
    assert.equal(error.platformCode, 'token_revoked');
    assert.match(error.message, /reinstall/);
    return true;
  });
  assert.equal(peer.botMessages().length, 0);
});

test('transient failures are thrown as SlackApiError for the queue to retry', async (t) => {
  const peer = await SlackWebApiPeer.start();
  t.after(() => peer.close());
  // A client that gives up quickly, so the test need not wait out the production back-off.
  const client = new webApi.WebClient(peer.botToken, { slackApiUrl: peer.apiUrl, retryConfig: { retries: 1, minTimeout: 10 } });
  const delivery = new SlackDelivery({ client, render: {} });
  peer.failNext('chat.postMessage', { error: 'internal_error' });
  await assert.rejects(delivery.postDigest(subscription(), digest), (error: unknown) => {
    assert.ok(error instanceof SlackApiError && !(error instanceof ChannelUnavailableError));
    assert.equal(error.code, 'slack:api');
    assert.equal(error.needsAttention, false);
    return true;
  });
  peer.failNext('chat.postMessage', { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 });
  await assert.rejects(delivery.postDigest(subscription(), digest), (error: unknown) => {
    assert.ok(error instanceof SlackApiError);
    assert.equal(error.code, 'slack:rate_limited');
    return true;
  });
  assert.equal(peer.botMessages().length, 0);
});
