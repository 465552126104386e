/**
 * Follow-up questions in briefing threads: mentions (and, with the Message Content intent, every
 * message in the thread) are answered from that story only; bots and unlinked threads are not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiscordLoginError } from '../../src/chat/discord/bot.ts';
import { NOT_COVERED } from '../../src/core/answer.ts';
import { hostileService } from '../contract/chat-adapter-contract.ts';
import { postUserMessage, replyTo, runCommand } from '../peers/discord/actions.ts';
import { INTENT } from '../peers/discord/constants.ts';
import { asPosted, type BotHarness, briefingReply, startBotHarness } from '../peers/discord/harness.ts';
import type { Json } from '../peers/discord/state.ts';
import { linksIn, wouldPing } from '../peers/discord/wire.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts a message and gives the bot time to (not) answer; undefined when it stayed silent. */
async function silentOrReply(h: BotHarness, channelId: string, content: string, author = h.peer.users.member) {
  const message = postUserMessage(h.peer, channelId, content, author);
  await sleep(300);
  return replyTo(h.peer, message.id);
}

async function briefingThread(h: BotHarness): Promise<string> {
  const { reply } = await briefingReply(h, runCommand(h.peer, 'brief'));
  return reply.threadId as string;
}

test('a mention in a briefing thread is answered there from the story, with quotes; other messages are not', async () => {
  const h = await startBotHarness();
  try {
    const thread = await briefingThread(h);
    assert.equal(h.peer.gateway.sessions[0]?.intents, INTENT.Guilds | INTENT.GuildMessages, 'no privileged intent requested');

    const asked = postUserMessage(h.peer, thread, `<@${h.peer.botUser.id}> What will Japan invest in US industries?`);
    const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the answer');
    assert.equal(answer.channelId, thread);
    assert.match(answer.content, /550 billion/);
    assert.doesNotMatch(answer.content, /^\*\*Q:\*\*/, 'the question is right above; not repeated');
    assert.match(String((answer.embeds[0] as Json).description), /\[5\]\(https:\/\/summit\.example\/articles\//);
    assert.equal(asPosted(answer).wouldPing, false, 'the reply does not ping the asker');
    assert.match(String(answer.nonce), new RegExp(`^q${asked.id}$`));
    const link = await h.service.thread(`discord:${thread}`);
    assert.equal(link?.turns.length, 1, 'the turn is remembered as context');

    // Without the Message Content intent Discord sends other messages without content; they are ignored.
    assert.equal(await silentOrReply(h, thread, 'What about Taiwan?'), undefined);
    // Bots (another one, or summit itself) are never answered.
    assert.equal(await silentOrReply(h, thread, `<@${h.peer.botUser.id}> What about tariffs?`, h.peer.users.otherBot), undefined);
    // A mention where no briefing or digest was posted is not summit's business.
    assert.equal(await silentOrReply(h, h.peer.addChannel('chat'), `<@${h.peer.botUser.id}> hello?`), undefined);
    assert.deepEqual(h.peer.problems, []);
  } finally {
    await h.close();
  }
});

test('unanswerable questions get "The articles don\'t say." and an empty mention gets a hint', async () => {
  const h = await startBotHarness();
  try {
    const thread = await briefingThread(h);
    const asked = postUserMessage(h.peer, thread, `<@${h.peer.botUser.id}> Did they discuss Atlantis?`);
    const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the answer');
    assert.equal(answer.content, NOT_COVERED);
    assert.deepEqual(answer.embeds, []);

    const empty = postUserMessage(h.peer, thread, `<@${h.peer.botUser.id}>`);
    const hint = await h.peer.waitFor(() => replyTo(h.peer, empty.id), 'the hint');
    assert.match(hint.content, /^Ask me a question about this story/);
  } finally {
    await h.close();
  }
});

test('with the Message Content intent, every message in a briefing thread is answered — never a whole channel', async () => {
  const h = await startBotHarness({ messageContent: true });
  try {
    assert.equal(h.peer.gateway.sessions[0]?.intents, INTENT.Guilds | INTENT.GuildMessages | INTENT.MessageContent);
    const thread = await briefingThread(h);
    const asked = postUserMessage(h.peer, thread, 'How much will Japan invest?');
    const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the answer');
    assert.match(answer.content, /550 billion/);

    // A channel linked because threads could not be made: only mentions count there.
    await h.service.linkThread({ threadId: `discord:${h.peer.channelId}`, storyId: 'summit-2025' });
    assert.equal(await silentOrReply(h, h.peer.channelId, 'lunch anyone?'), undefined);
  } finally {
    await h.close();
  }
});

test('hostile article text is inert in briefings and answers, even judged as if allowed_mentions were absent', async () => {
  const h = await startBotHarness({ service: hostileService() });
  try {
    const { reply } = await briefingReply(h, runCommand(h.peer, 'brief'));
    const asked = postUserMessage(h.peer, reply.threadId as string, `<@${h.peer.botUser.id}> What did officials confirm about tariffs on steel?`);
    const answer = await h.peer.waitFor(() => replyTo(h.peer, asked.id), 'the answer');
    assert.match(answer.content, /20 percent to 10 percent/);
    for (const message of [reply, answer]) {
      const texts = [message.content, ...message.embeds.map((e) => String(e.description))];
      assert.match(texts.join('\n'), /everyone/, 'the text is still there to read');
      for (const text of texts) {
        assert.equal(wouldPing(text, undefined, false), false, `inert even as content without allowed_mentions: ${text}`);
        assert.doesNotMatch(text, /(?<!\\)\[the official report\]|<@&|<@U|<!channel/);
        assert.ok(linksIn(text).every((l) => l.url.startsWith('https://summit.example/')), 'only summit\'s own links');
      }
      assert.equal(asPosted(message).wouldPing, false);
    }
  } finally {
    await h.close();
  }
});

test('a Message Content intent the portal has not enabled fails login with a clear error', async () => {
  await assert.rejects(startBotHarness({ messageContent: true, peer: { privilegedIntents: false } }), (error: unknown) => {
    assert.ok(error instanceof DiscordLoginError, String(error));
    assert.match(error.message, /Privileged Gateway Intents|DISCORD_MESSAGE_CONTENT=false/);
    return true;
  });
});
