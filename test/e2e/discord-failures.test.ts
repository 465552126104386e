/**
 * When things go wrong behind a command or a thread question: the person gets one clear
 * sentence, the detail goes to the log, and a replayed interaction is not answered twice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkerTimeoutError } from '../../src/app/service-errors.ts';
import type { SummitService } from '../../src/app/summit-service.ts';
import { postUserMessage, replayInteraction, replyTo, runCommand } from '../peers/discord/actions.ts';
import { briefingReply, bundledService, eventually, finalReply, startBotHarness } from '../peers/discord/harness.ts';

function failing(base: SummitService, method: 'brief' | 'ask', error: Error): SummitService {
  return new Proxy(base, {
    get(target, key, receiver) {
      if (key === method) return async () => Promise.reject(error);
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

test('a typed service error is shown as its own sentence; anything else as a generic apology, logged', async () => {
  const h = await startBotHarness({ service: failing(await bundledService(), 'brief', new WorkerTimeoutError('The briefing', 60_000)) });
  try {
    const reply = await finalReply(h.peer, runCommand(h.peer, 'brief'));
    assert.equal(reply.content, 'The briefing is taking longer than 60 s; it stays queued — try again shortly.');
    assert.ok(h.logs.some((l) => l.level === 'error' && l.message === 'interaction failed'));
  } finally {
    await h.close();
  }
  const g = await startBotHarness({ service: failing(await bundledService(), 'brief', new Error('socket hang up')) });
  try {
    const reply = await finalReply(g.peer, runCommand(g.peer, 'sources'));
    assert.match(reply.content, /^Sorry, summit could not do that just now\. The error was logged/);
    assert.doesNotMatch(reply.content, /socket hang up/, 'internals stay in the log');
    assert.deepEqual(g.peer.problems, []);
  } finally {
    await g.close();
  }
});

test('a thread question the service cannot answer gets an apology in the thread', async () => {
  const base = await bundledService();
  const h = await startBotHarness({ service: failing(base, 'ask', new Error('redis down')) });
  try {
    const { reply } = await briefingReply(h, runCommand(h.peer, 'brief', { topic: 'trade' }));
    const asked = postUserMessage(h.peer, reply.threadId as string, `<@${h.peer.botUser.id}> What about tariffs?`);
    const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the apology');
    assert.match(answer.content, /^Sorry, summit could not do that just now/);
    assert.ok(h.logs.some((l) => l.message === 'could not answer a thread question'));
  } finally {
    await h.close();
  }
});

test('a replayed interaction is acknowledged once and answered once', async () => {
  const h = await startBotHarness();
  try {
    const interaction = runCommand(h.peer, 'brief', { topic: 'china' });
    await briefingReply(h, interaction);
    const messages = h.peer.messagesIn(h.peer.channelId).length;
    replayInteraction(h.peer, interaction);
    await eventually(() => h.logs.some((l) => l.message === 'interaction could not be acknowledged'), 'the refused second acknowledgement');
    assert.equal(h.peer.messagesIn(h.peer.channelId).length, messages, 'no second briefing');
    assert.equal(h.peer.requestsTo('POST /interactions/:id/:token/callback').filter((r) => r.status === 400).length, 1);
  } finally {
    await h.close();
  }
});
