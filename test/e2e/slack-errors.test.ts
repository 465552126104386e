/**
 * A failed `/summit` command is answered only to the person who ran it: the response_url reply
 * the Slack peer receives is `response_type: ephemeral`, and nothing is posted in the channel.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkerTimeoutError } from '../../src/app/service-errors.ts';
import type { SummitService } from '../../src/app/summit-service.ts';
import { InvalidSourceError } from '../../src/sources/errors.ts';
import { bundledService } from '../peers/slack/services.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';

/** The service, except that `method` rejects (or, for a synchronous method, throws) `error`. */
function failing(base: SummitService, method: keyof SummitService, error: Error, sync = false): SummitService {
  return new Proxy(base, {
    get(target, key, receiver) {
      if (key === method) return sync ? () => { throw error; } : async () => Promise.reject(error);
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function onlyPrivateReply(service: SummitService, command: string, user: string = PEER_IDS.alice) {
  const stack = await startSlackStack({ service });
  try {
    const ack = await stack.command(command, { user });
    assert.equal(ack.status, 200);
    const reply = await waitFor(() => stack.peer.responses[0], 'the response_url reply');
    await settle();
    assert.equal(reply.body.response_type, 'ephemeral', 'only the person who asked sees it');
    assert.equal(reply.user, user);
    assert.equal(stack.peer.responses.length, 1);
    assert.equal(stack.peer.messages.length, 0, 'nothing posted in the channel');
    return JSON.stringify(reply.body.blocks ?? reply.body.text);
  } finally {
    await stack.close();
  }
}

test('a briefing the service cannot make is explained privately', async () => {
  const text = await onlyPrivateReply(failing(await bundledService(), 'brief', new WorkerTimeoutError('The briefing', 60_000)), 'brief');
  assert.match(text, /taking longer than 60 s/);
});

test('an unexpected failure is a private apology, its detail only in the log', async () => {
  const base = await bundledService();
  for (const [method, command] of [['ask', 'ask What was agreed?'], ['unsubscribe', 'unsubscribe']] as const) {
    const text = await onlyPrivateReply(failing(base, method, new Error('socket hang up')), command, PEER_IDS.admin);
    assert.match(text, /Sorry, something went wrong on my side/, command);
    assert.doesNotMatch(text, /socket hang up/, command);
  }
  // Thrown outside any handler's own try (the channel's story is looked up first): still private.
  const text = await onlyPrivateReply(failing(base, 'channelStory', new Error('no story')), 'sources');
  assert.match(text, /Sorry, something went wrong on my side/);
});

test('a refused source is explained privately', async () => {
  const text = await onlyPrivateReply(failing(await bundledService(), 'addSource', new InvalidSourceError('this story already follows 20 sources')), 'source add https://news.example/feed.xml', PEER_IDS.admin);
  assert.match(text, /this story already follows 20 sources/);
});
