import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventCallback, messageEvent, slashCommandPayload } from '../peers/slack/payloads.ts';
import { bundledService, countingService } from '../peers/slack/services.ts';
import { slackSignature } from '../peers/slack/signed-request.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';

test('requests with a bad, stale, missing or mismatched signature get 401 and change nothing', async (t) => {
  const counted = countingService(await bundledService());
  const stack = await startSlackStack({ service: counted.service });
  t.after(() => stack.close());
  const sender = stack.sender!;
  const callsAtStart = stack.peer.calls.length;
  const command = new URLSearchParams(
    slashCommandPayload({ text: 'brief', channel: PEER_IDS.general, user: PEER_IDS.alice, responseUrl: stack.peer.issueResponseUrl(PEER_IDS.general, PEER_IDS.alice) }),
  ).toString();
  const form = 'application/x-www-form-urlencoded';
  const now = Math.floor(Date.now() / 1000);
  const event = JSON.stringify(eventCallback(messageEvent({ channel: PEER_IDS.general, user: PEER_IDS.alice, ts: '1700000000.000100', text: 'hi' })));

  const attempts = [
    ['wrong secret', sender.send(command, form, { signature: slackSignature('not-the-secret', now, command) })],
    ['garbage signature', sender.send(command, form, { signature: 'v0=deadbeef' })],
    ['unknown version', sender.send(command, form, { signature: slackSignature(stack.signingSecret, now, command).replace('v0=', 'v1=') })],
    ['stale (6 minutes old)', sender.send(command, form, { timestamp: now - 360 })],
    ['signed for another body', sender.send(command.replace('brief', 'help'), form, { signature: slackSignature(stack.signingSecret, now, command) })],
    ['event with a bad signature', sender.send(event, 'application/json', { signature: 'v0=0000' })],
  ] as const;
  for (const [what, attempt] of attempts) assert.equal((await attempt).status, 401, what);

  const unsigned = await fetch(`http://127.0.0.1:${stack.app.port}/slack/events`, { method: 'POST', headers: { 'content-type': form }, body: command });
  assert.equal(unsigned.status, 401, 'no signature headers');

  await settle(300);
  assert.equal(counted.calls(), 0, 'the service was never called');
  assert.equal(stack.peer.calls.length, callsAtStart, 'no Web API calls');
  assert.equal(stack.peer.responses.length, 0);

  // The same request, correctly signed, goes through: the rejections above were about the signature.
  const good = await sender.send(command, form);
  assert.equal(good.status, 200);
  await waitFor(() => stack.peer.botMessages()[0], 'the briefing');
});

test('the health endpoint answers without a signature', async (t) => {
  const stack = await startSlackStack({ service: await bundledService() });
  t.after(() => stack.close());
  const res = await fetch(`http://127.0.0.1:${stack.app.port}/healthz`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ok');
});
