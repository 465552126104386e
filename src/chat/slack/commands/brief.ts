import type { SlackDeps } from '../deps.ts';
import { postMessages } from '../post.ts';
import { notice } from '../render/blocks.ts';
import { renderBriefing } from '../render/briefing.ts';
import { slackThreadId } from '../thread-id.ts';
import { serviceFailureMessage, slackFailureMessage } from '../user-messages.ts';
import { type CommandIO, type CommandRequest, ephemeral } from './io.ts';

/**
 * Posts the story's briefing in the channel as the bot, so the message has a thread for
 * questions, and links that thread to the story. Runs after the command was acknowledged.
 */
export async function postBriefing(deps: SlackDeps, request: CommandRequest, io: CommandIO, topic?: string) {
  const storyId = deps.service.defaultStory();
  let result;
  try {
    result = await deps.service.brief({ storyId, ...(topic ? { topic } : {}) });
  } catch (error) {
    deps.logger.error({ err: error, storyId, topic }, 'briefing failed');
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
    return;
  }
  const messages = renderBriefing(result.briefing, {
    ...deps.render,
    storyId,
    briefingId: result.briefingId,
    topics: deps.service.topics(),
    ...(topic ? { topic } : {}),
  });
  let ts: string;
  try {
    ts = await postMessages(io.client, request.channel, messages);
  } catch (error) {
    deps.logger.warn({ err: error, channel: request.channel }, 'could not post briefing');
    await io.respond(ephemeral(notice(slackFailureMessage(error, 'the briefing'))));
    return;
  }
  await deps.service.linkThread({ threadId: slackThreadId(request.channel, ts), storyId, briefingId: result.briefingId });
}
