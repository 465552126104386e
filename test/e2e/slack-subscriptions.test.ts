import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LocalSummitService } from '../../src/app/local-service.ts';
import { bundledService } from '../peers/slack/services.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';

let service: LocalSummitService;
before(async () => {
  service = await bundledService();
});

async function reply(stack: Awaited<ReturnType<typeof startSlackStack>>, n: number) {
  const r = await waitFor(() => stack.peer.responses[n], `response ${n}`);
  return { type: r.body.response_type, text: String(r.body.text) };
}

test('an admin subscribes with time, zone and topics; the zone defaults to their Slack profile', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('subscribe 8:30 europe/london trade China', { user: PEER_IDS.admin });
  const first = await reply(stack, 0);
  assert.equal(first.type, 'in_channel');
  assert.match(first.text, /daily digest of \*summit-2025\* at 08:30 \(Europe\/London\), Trade, China/);
  assert.deepEqual(await service.subscriptions('slack', PEER_IDS.general), [
    {
      platform: 'slack',
      workspaceId: PEER_IDS.team,
      channelId: PEER_IDS.general,
      storyId: 'summit-2025',
      time: '08:30',
      timeZone: 'Europe/London',
      topics: ['trade', 'china'],
      createdBy: PEER_IDS.admin,
    },
  ]);
  assert.equal(stack.peer.callsOf('users.info')[0]?.params.user, PEER_IDS.admin);

  await stack.command('subscribe 07:00', { user: PEER_IDS.admin });
  assert.match((await reply(stack, 1)).text, /^Updated: .* at 07:00 \(Europe\/Berlin\), all topics/);
  const [only] = await service.subscriptions('slack', PEER_IDS.general);
  assert.equal(only?.timeZone, 'Europe/Berlin', "the admin's profile zone");
  assert.deepEqual(only?.topics, []);

  await stack.command('unsubscribe', { user: PEER_IDS.admin });
  const stopped = await reply(stack, 2);
  assert.equal(stopped.type, 'in_channel');
  assert.match(stopped.text, /daily digest is stopped/);
  assert.deepEqual(await service.subscriptions('slack', PEER_IDS.general), []);
  await stack.command('unsubscribe', { user: PEER_IDS.admin });
  assert.match((await reply(stack, 3)).text, /no daily digest to stop/);
});

test('members who are not admins are refused; the SLACK_ADMIN_USERS allow-list is let in', async (t) => {
  const stack = await startSlackStack({ service, env: { SLACK_ADMIN_USERS: `${PEER_IDS.bob}` } });
  t.after(() => stack.close());
  await stack.command('subscribe 09:00', { user: PEER_IDS.alice });
  const refused = await reply(stack, 0);
  assert.equal(refused.type, 'ephemeral');
  assert.match(refused.text, /Only workspace admins and owners/);
  await stack.command('unsubscribe', { user: PEER_IDS.alice });
  assert.match((await reply(stack, 1)).text, /Only workspace admins and owners/);
  assert.deepEqual(await service.subscriptions('slack', PEER_IDS.general), []);

  await stack.command('subscribe 09:00', { user: PEER_IDS.bob });
  assert.match((await reply(stack, 2)).text, /at 09:00 \(Asia\/Tokyo\)/);
  await service.unsubscribe('slack', PEER_IDS.general);
});

test('bad times, zones and topics get messages that say what is accepted, and store nothing', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  const cases: [string, RegExp][] = [
    ['subscribe', /Give the time as HH:MM/],
    ['subscribe 25:00', /“25:00” is not a time of day/],
    ['subscribe 8am', /“8am” is not a time of day/],
    ['subscribe 08:00 Mars/Olympus', /“Mars\/Olympus” is not a time zone I know.*Europe\/Berlin/],
    ['subscribe 08:00 PST', /“PST” is not a time zone/],
    ['subscribe 08:00 UTC weather', /“weather” is neither a topic nor a time zone. Topics: `trade`, `defence`, `china`/],
  ];
  for (const [i, [text, expected]] of cases.entries()) {
    await stack.command(text, { user: PEER_IDS.admin });
    const r = await reply(stack, i);
    assert.equal(r.type, 'ephemeral', text);
    assert.match(r.text, expected, text);
  }
  assert.deepEqual(await service.subscriptions('slack', PEER_IDS.general), []);
});

test('subscribing where the bot cannot post is refused with how to invite it', async (t) => {
  const stack = await startSlackStack({ service });
  t.after(() => stack.close());
  await stack.command('subscribe 08:00', { user: PEER_IDS.admin, channel: PEER_IDS.random });
  assert.match((await reply(stack, 0)).text, /not a member of this channel.*\/invite @summit/);
  await stack.command('subscribe 08:00', { user: PEER_IDS.admin, channel: PEER_IDS.secret });
  assert.match((await reply(stack, 1)).text, /private or a direct message/);
  await settle(100);
  assert.deepEqual(await service.subscriptions('slack', PEER_IDS.random), []);
  assert.deepEqual(await service.subscriptions('slack', PEER_IDS.secret), []);
});
