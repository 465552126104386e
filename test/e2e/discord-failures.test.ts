/**
 * When things go wrong behind a command or a thread question: the person who asked gets one
 * clear sentence (ephemeral; the channel sees at most a neutral note), the detail goes to the
 * log, and a replayed interaction is not answered twice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnknownStoryError } from '../../src/app/local-service.ts';
import { JobFailedError, WorkerTimeoutError } from '../../src/app/service-errors.ts';
import type { SummitService } from '../../src/app/summit-service.ts';
import { THREAD_FAILED_NOTE, THREAD_FAILED_NOTE_DM } from '../../src/chat/discord/follow-ups.ts';
import { FAILED_NOTE } from '../../src/chat/discord/private-reply.ts';
import { InvalidSourceError } from '../../src/sources/errors.ts';
import { clickButton, postUserMessage, replayInteraction, replyTo, runCommand } from '../peers/discord/actions.ts';
import { CHANNEL_TYPE, MESSAGE_FLAG } from '../peers/discord/constants.ts';
import { briefingReply, bundledService, eventually, finalReply, startBotHarness } from '../peers/discord/harness.ts';
import { DiscordPeer } from '../peers/discord/peer.ts';
import type { PeerInteraction, StoredMessage } from '../peers/discord/state.ts';

type Method = 'brief' | 'ask' | 'addSource' | 'subscribe' | 'unsubscribe' | 'removeSource' | 'thread';

/** The service, except that `method` rejects with `error` (after its first `passes` calls). */
function failing(base: SummitService, method: Method, error: Error, passes = 0): SummitService {
  let calls = 0;
  return new Proxy(base, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === method) {
        return async (...args: unknown[]) => (calls++ < passes ? (value as (...a: unknown[]) => unknown).apply(target, args) : Promise.reject(error));
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const isEphemeral = (m: StoredMessage) => (m.flags & MESSAGE_FLAG.Ephemeral) === MESSAGE_FLAG.Ephemeral;

/** The ephemeral follow-ups of an interaction, once there is one. */
function privateFollowUps(peer: DiscordPeer, interaction: PeerInteraction) {
  return peer.waitFor(() => {
    const found = interaction.followUpIds.map((id) => peer.messages.get(id)).filter((m): m is StoredMessage => m !== undefined && isEphemeral(m));
    return found.length > 0 ? found : undefined;
  }, 'an ephemeral follow-up');
}

/** What everyone in the channel can read: non-ephemeral messages' text and embeds. */
const publicText = (peer: DiscordPeer) =>
  peer.messagesIn(peer.channelId).filter((m) => !isEphemeral(m)).map((m) => `${m.content} ${JSON.stringify(m.embeds)}`).join('\n');

test('a command failing after its public deferral: the channel sees a neutral note, the reason goes privately to the one who asked', async () => {
  const h = await startBotHarness({ service: failing(await bundledService(), 'brief', new WorkerTimeoutError('The briefing', 60_000)) });
  try {
    const interaction = runCommand(h.peer, 'brief');
    const reply = await finalReply(h.peer, interaction);
    assert.equal(isEphemeral(reply), false, 'the deferred "thinking…" reply was public');
    assert.equal(reply.content, FAILED_NOTE);
    assert.deepEqual(reply.embeds, []);
    const [reason, ...more] = await privateFollowUps(h.peer, interaction);
    assert.equal(reason?.content, 'The briefing is taking longer than 60 s; it stays queued — try again shortly.');
    assert.equal(more.length, 0);
    assert.doesNotMatch(publicText(h.peer), /longer than 60 s/, 'no error in the channel');
    assert.ok(h.logs.some((l) => l.level === 'error' && l.message === 'interaction failed'));
    assert.deepEqual(h.peer.problems, [], 'the follow-up came after the deferred reply was edited');
  } finally {
    await h.close();
  }
  const g = await startBotHarness({ service: failing(await bundledService(), 'brief', new Error('socket hang up')) });
  try {
    const interaction = runCommand(g.peer, 'sources');
    assert.equal((await finalReply(g.peer, interaction)).content, FAILED_NOTE);
    const [reason] = await privateFollowUps(g.peer, interaction);
    assert.match(reason?.content ?? '', /^Sorry, summit could not do that just now\. The error was logged/);
    assert.doesNotMatch(reason?.content ?? '', /socket hang up/, 'internals stay in the log');
    assert.doesNotMatch(publicText(g.peer), /Sorry|socket hang up/);
    assert.deepEqual(g.peer.problems, []);
  } finally {
    await g.close();
  }
});

test('a topic button failing leaves the briefing as it was and tells only the one who clicked', async () => {
  const h = await startBotHarness({ service: failing(await bundledService(), 'brief', new Error('redis down'), 1) });
  try {
    const { reply } = await briefingReply(h, runCommand(h.peer, 'brief'));
    const before = JSON.stringify(reply.embeds);
    const button = (reply.components as { components: { custom_id: string }[] }[]).flatMap((row) => row.components).find((c) => /trade/.test(c.custom_id));
    assert.ok(button, 'a topic button');
    const click = clickButton(h.peer, reply.id, button.custom_id);
    const [reason] = await privateFollowUps(h.peer, click);
    assert.match(reason?.content ?? '', /^Sorry, summit could not do that just now/);
    assert.equal(JSON.stringify(h.peer.messages.get(reply.id)?.embeds), before, 'the public briefing is untouched');
    assert.doesNotMatch(publicText(h.peer), /Sorry/);
  } finally {
    await h.close();
  }
});

test('a refused source after deferral: neutral note in the channel, the reason privately', async () => {
  const h = await startBotHarness({ service: failing(await bundledService(), 'addSource', new InvalidSourceError('this story already follows 20 sources')), adminRole: true });
  try {
    const interaction = runCommand(h.peer, 'source add', { url: 'https://news.example/feed.xml' }, { user: h.peer.users.admin, permissions: DiscordPeer.MANAGE_CHANNELS });
    assert.equal((await finalReply(h.peer, interaction)).content, FAILED_NOTE);
    const [reason] = await privateFollowUps(h.peer, interaction);
    assert.equal(reason?.content, 'This story already follows 20 sources.');
    assert.doesNotMatch(publicText(h.peer), /20 sources/);
  } finally {
    await h.close();
  }
});

/** The service, failing whichever method `failure` names at the moment (nothing when undefined). */
function switchable(base: SummitService) {
  const state: { failure?: { method: Method; error: Error } } = {};
  const service = new Proxy(base, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (state.failure && key === state.failure.method) {
        const { error } = state.failure;
        return async () => Promise.reject(error);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { service, state };
}

test('every command failing after its public deferral tells only the one who asked (brief, ask, subscribe, unsubscribe, source remove)', async () => {
  const { service, state } = switchable(await bundledService());
  const h = await startBotHarness({ service });
  const admin = { user: h.peer.users.admin, permissions: DiscordPeer.MANAGE_CHANNELS };
  const generic = /^Sorry, summit could not do that just now\. The error was logged/;
  const cases: { name: string; method: Method; error: Error; command: string; options?: Record<string, string>; admin?: boolean; reason: RegExp; secret: RegExp }[] = [
    { name: 'brief, unknown story', method: 'brief', error: new UnknownStoryError('gone-story'), command: 'brief', reason: /^This channel follows a story summit does not know\./, secret: /gone-story|does not know/ },
    { name: 'brief, job failed', method: 'brief', error: new JobFailedError('The briefing', 'TypeError: x is undefined'), command: 'brief', reason: /^The briefing failed; the error was logged\.$/, secret: /failed|TypeError/ },
    { name: 'ask', method: 'ask', error: new Error('socket hang up'), command: 'ask', options: { question: 'What was agreed?' }, reason: generic, secret: /Sorry|socket hang up/ },
    { name: 'subscribe', method: 'subscribe', error: new Error('READONLY You can\'t write'), command: 'subscribe', options: { time: '07:30' }, admin: true, reason: generic, secret: /Sorry|READONLY/ },
    { name: 'unsubscribe', method: 'unsubscribe', error: new Error('READONLY You can\'t write'), command: 'unsubscribe', admin: true, reason: generic, secret: /Sorry|READONLY/ },
    { name: 'source remove', method: 'removeSource', error: new Error('connection reset'), command: 'source remove', options: { url: 'https://news.example/feed.xml' }, admin: true, reason: generic, secret: /Sorry|connection reset/ },
  ];
  try {
    for (const c of cases) {
      state.failure = { method: c.method, error: c.error };
      const interaction = runCommand(h.peer, c.command, c.options ?? {}, c.admin ? admin : {});
      const reply = await finalReply(h.peer, interaction);
      assert.equal(isEphemeral(reply), false, `${c.name}: the deferral was public`);
      assert.equal(reply.content, FAILED_NOTE, c.name);
      assert.deepEqual(reply.embeds, [], c.name);
      const [reason, ...more] = await privateFollowUps(h.peer, interaction);
      assert.match(reason?.content ?? '', c.reason, c.name);
      assert.equal(more.length, 0, c.name);
      assert.doesNotMatch(publicText(h.peer), c.secret, `${c.name}: no error in the channel`);
    }
    assert.deepEqual(h.peer.problems, []);
  } finally {
    await h.close();
  }
});

test('a thread question the service cannot answer: a neutral note in the thread, the reason to the asker by DM', async () => {
  const base = await bundledService();
  const h = await startBotHarness({ service: failing(base, 'ask', new JobFailedError('The answer', 'worker crashed'), 0) });
  try {
    const { reply } = await briefingReply(h, runCommand(h.peer, 'brief', { topic: 'trade' }));
    const thread = reply.threadId as string;
    const asked = postUserMessage(h.peer, thread, `<@${h.peer.botUser.id}> What about tariffs?`);
    const note = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the note');
    assert.equal(note.content, THREAD_FAILED_NOTE_DM);
    const dm = [...h.peer.channels.values()].find((c) => c.type === CHANNEL_TYPE.DM && c.recipientId === asked.author.id);
    assert.ok(dm, 'a DM channel with the asker');
    const [reason, ...more] = h.peer.messagesIn(dm.id);
    assert.equal(reason?.content, 'The answer failed; the error was logged.');
    assert.equal(more.length, 0);
    const inThread = h.peer.messagesIn(thread).map((m) => m.content).join('\n');
    assert.doesNotMatch(inThread, /failed; the error was logged|worker crashed/, 'no error in the thread');
    assert.ok(h.logs.some((l) => l.message === 'could not answer a thread question'));

    // DMs closed: the thread still gets only the neutral note; the reason stays in the log.
    h.peer.users.closedDms.add(h.peer.users.admin.id);
    const again = postUserMessage(h.peer, thread, `<@${h.peer.botUser.id}> And defence?`, h.peer.users.admin);
    const second = await h.peer.waitFor(() => replyTo(h.peer, again.id), 'the second note');
    assert.equal(second.content, THREAD_FAILED_NOTE);
    assert.doesNotMatch(h.peer.messagesIn(thread).map((m) => m.content).join('\n'), /failed; the error was logged/);
    assert.ok(h.logs.some((l) => l.message === 'could not send the reason of a failed thread question by DM'));
    assert.deepEqual(h.peer.problems, []);
  } finally {
    await h.close();
  }
});

test('a thread lookup failing on a message says nothing in the thread and the bot keeps answering', async () => {
  const { service, state } = switchable(await bundledService());
  const h = await startBotHarness({ service });
  try {
    const { reply } = await briefingReply(h, runCommand(h.peer, 'brief', { topic: 'trade' }));
    const thread = reply.threadId as string;
    state.failure = { method: 'thread', error: new Error('ECONNRESET') };
    const lost = postUserMessage(h.peer, thread, `<@${h.peer.botUser.id}> What about tariffs?`);
    await eventually(() => h.logs.some((l) => l.message === 'could not look up the thread of a message'), 'the logged failure');
    assert.equal(replyTo(h.peer, lost.id), undefined, 'nothing posted in the thread');
    delete state.failure;
    const asked = postUserMessage(h.peer, thread, `<@${h.peer.botUser.id}> How much will Japan invest?`);
    const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the next answer');
    assert.match(answer.content, /550 billion|articles don't say/);
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
