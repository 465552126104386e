import type { SlackDeps } from '../deps.ts';
import { postMessage } from '../post.ts';
import { context, notice } from '../render/blocks.ts';
import { renderAnswer } from '../render/answer.ts';
import { slackThreadId } from '../thread-id.ts';
import { serviceFailureMessage, slackFailureMessage } from '../user-messages.ts';
import { type CommandIO, type CommandRequest, ephemeral } from './io.ts';
import { channelOfRequest } from './story.ts';

/**
 * `/summit ask`: the question and its answer are posted in the channel, and that message's
 * thread is linked to the story so follow-ups work there. Where the bot cannot post, the asker
 * still gets the answer privately, with a note on how to invite the bot.
 */
export async function postAnswer(deps: SlackDeps, request: CommandRequest, io: CommandIO, question: string) {
  let message;
  let storyId: string;
  try {
    storyId = await deps.service.channelStory(channelOfRequest(request));
    // The thread does not exist until the answer is posted; the channel-level id records no turn.
    const answer = await deps.service.ask({ threadId: `slack:${request.channel}`, storyId, question });
    const articles = await deps.service.sources(storyId);
    message = renderAnswer(answer, articles, { ...deps.render, question });
  } catch (error) {
    deps.logger.error({ err: error, channel: request.channel }, 'answer failed');
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
    return;
  }
  let ts: string;
  try {
    ts = await postMessage(io.client, request.channel, {
      ...message,
      blocks: [...message.blocks, context('Reply in this thread to ask more about this story.')],
    });
  } catch (error) {
    deps.logger.warn({ err: error, channel: request.channel }, 'could not post answer');
    await io.respond(ephemeral({ ...message, blocks: [...message.blocks, context(slackFailureMessage(error, 'the answer'))] }));
    return;
  }
  await deps.service.linkThread({ threadId: slackThreadId(request.channel, ts), storyId });
}
