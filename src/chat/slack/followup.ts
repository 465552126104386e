import type { SlackDeps } from './deps.ts';
import { postEphemeral, postMessage, type WebClient } from './post.ts';
import { notice } from './render/blocks.ts';
import { renderAnswer } from './render/answer.ts';
import { slackThreadId } from './thread-id.ts';
import { serviceFailureMessage, slackFailureMessage } from './user-messages.ts';

/** Turns Slack's escaped message text into the question a person typed, minus the bot mention. */
export function questionFromText(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.split(`<@${botUserId}>`).join(' ') : text;
  return withoutBot
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Answers a question asked in a thread: only threads summit opened (briefing, digest, answer)
 * are linked to a story; anything else is left alone. Returns whether it answered. When the
 * answer cannot be made, only the asker is told (an ephemeral message in the thread).
 */
export async function answerInThread(
  deps: SlackDeps,
  client: WebClient,
  where: { channel: string; threadTs: string; user: string },
  question: string,
): Promise<boolean> {
  const threadId = slackThreadId(where.channel, where.threadTs);
  const link = await deps.service.thread(threadId);
  if (!link || !question) return false;
  let message;
  try {
    const answer = await deps.service.ask({ threadId, storyId: link.storyId, question });
    message = renderAnswer(answer, await deps.service.sources(link.storyId), deps.render);
  } catch (error) {
    deps.logger.error({ err: error, threadId }, 'follow-up answer failed');
    await tellAsker(deps, client, where, serviceFailureMessage(error));
    return true;
  }
  try {
    await postMessage(client, where.channel, message, where.threadTs);
  } catch (error) {
    deps.logger.error({ err: error, threadId }, 'could not post follow-up answer');
    await tellAsker(deps, client, where, slackFailureMessage(error, 'the answer'));
  }
  return true;
}

/** The reason a follow-up failed, to the asker only, in the thread; when even that fails, the log has it. */
async function tellAsker(deps: SlackDeps, client: WebClient, where: { channel: string; threadTs?: string; user: string }, reason: string) {
  try {
    await postEphemeral(client, where, notice(reason));
  } catch (error) {
    deps.logger.error({ err: error, channel: where.channel, threadTs: where.threadTs }, 'could not tell the asker why a follow-up failed');
  }
}

/** Starts a thread under a top-level @mention: the answer goes in it and the thread follows the channel's story. */
export async function answerMention(
  deps: SlackDeps,
  client: WebClient,
  where: { team: string; channel: string; ts: string; user: string },
  question: string,
) {
  try {
    const storyId = await deps.service.channelStory({ platform: 'slack', workspaceId: where.team, channelId: where.channel });
    await deps.service.linkThread({ threadId: slackThreadId(where.channel, where.ts), storyId });
  } catch (error) {
    deps.logger.error({ err: error, channel: where.channel }, 'could not start a thread for a mention');
    await tellAsker(deps, client, { channel: where.channel, user: where.user }, serviceFailureMessage(error));
    return;
  }
  if (!question) {
    const hint = notice('Ask me a question about the story in this thread, or run `/summit brief` for the briefing.');
    await postMessage(client, where.channel, hint, where.ts).catch((error: unknown) =>
      deps.logger.error({ err: error, channel: where.channel }, 'could not post mention hint'),
    );
    return;
  }
  await answerInThread(deps, client, { channel: where.channel, threadTs: where.ts, user: where.user }, question);
}
