/**
 * A failed `/summit` command is answered only to the person who ran it: the response_url reply
 * the Slack peer receives is `response_type: ephemeral`, and nothing is posted in the channel.
 * A failed thread follow-up is a chat.postEphemeral to the asker, in the thread.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnknownStoryError } from '../../src/app/local-service.ts';
import { JobFailedError, WorkerTimeoutError } from '../../src/app/service-errors.ts';
import type { SummitService } from '../../src/app/summit-service.ts';
import { InvalidSourceError } from '../../src/sources/errors.ts';
import { bundledService } from '../peers/slack/services.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { appMentionEvent, messageEvent } from '../peers/slack/payloads.ts';
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

test('/summit brief for an unknown story or a failed job: the reason privately, nothing in the channel', async () => {
  const base = await bundledService();
  const unknown = await onlyPrivateReply(failing(base, 'brief', new UnknownStoryError('gone-story')), 'brief');
  assert.match(unknown, /Sorry: unknown story \\"gone-story\\"/);
  const failed = await onlyPrivateReply(failing(base, 'brief', new JobFailedError('The briefing', 'TypeError: x is undefined')), 'brief trade');
  assert.match(failed, /Sorry: The briefing failed; the error was logged/);
  assert.doesNotMatch(failed, /TypeError/, 'the worker\'s reason stays in the log');
});

test('subscribe and source remove failing in the service: a private apology', async () => {
  const base = await bundledService();
  for (const [method, command] of [['subscribe', 'subscribe 07:30'], ['removeSource', 'source remove https://news.example/feed.xml']] as const) {
    const text = await onlyPrivateReply(failing(base, method, new Error('READONLY You can\'t write against a read only replica')), command, PEER_IDS.admin);
    assert.match(text, /Sorry, something went wrong on my side/, command);
    assert.doesNotMatch(text, /READONLY/, command);
  }
});

test('a thread follow-up that fails is told to the asker alone (ephemeral, in the thread); the thread shows no error', async () => {
  const base = await bundledService();
  const stack = await startSlackStack({ service: failing(base, 'ask', new JobFailedError('The answer', 'worker crashed')) });
  try {
    await stack.command('brief');
    const parent = await waitFor(() => stack.peer.botMessages().find((m) => !m.threadTs), 'the briefing');
    await waitFor(() => base.thread(`slack:${parent.channel}:${parent.ts}`), 'the thread link');
    await stack.event(messageEvent({ channel: parent.channel, user: PEER_IDS.alice, ts: stack.peer.nextTs(), threadTs: parent.ts, text: 'What about tariffs?' }));
    const told = await waitFor(() => stack.peer.ephemerals[0], 'the ephemeral reason');
    assert.equal(told.user, PEER_IDS.alice, 'only the asker');
    assert.equal(told.channel, parent.channel);
    assert.equal(told.threadTs, parent.ts, 'in the thread');
    assert.match(JSON.stringify(told.blocks), /Sorry: The answer failed; the error was logged/);
    // A mention at the top level starts a thread; its failure goes to that asker too.
    const mention = stack.peer.nextTs();
    await stack.event(appMentionEvent({ channel: PEER_IDS.general, user: PEER_IDS.bob, ts: mention, text: `<@${PEER_IDS.botUser}> Did they discuss rare earths?` }));
    const second = await waitFor(() => stack.peer.ephemerals[1], 'the second ephemeral reason');
    assert.equal(second.user, PEER_IDS.bob);
    assert.equal(second.threadTs, mention);
    await settle();
    assert.deepEqual(stack.peer.botMessages().filter((m) => m.threadTs !== undefined), [], 'nothing public in any thread');
    assert.equal(stack.peer.ephemerals.length, 2);
  } finally {
    await stack.close();
  }
});
