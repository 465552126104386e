import type { SlackDeps } from '../deps.ts';
import { postMessages } from '../post.ts';
import { notice } from '../render/blocks.ts';
import { renderBriefing } from '../render/briefing.ts';
import { slackThreadId } from '../thread-id.ts';
import { serviceFailureMessage, slackFailureMessage } from '../user-messages.ts';
import { findTopic } from '../../shared/subscription-input.ts';
import { escapeMrkdwn, truncate } from '../render/mrkdwn.ts';
import { type CommandIO, type CommandRequest, ephemeral } from './io.ts';
import { channelOfRequest, ownerOf } from './story.ts';

/**
 * Posts the story's briefing in the channel as the bot, so the message has a thread for
 * questions, and links that thread to the story. Runs after the command was acknowledged.
 */
export async function postBriefing(deps: SlackDeps, request: CommandRequest, io: CommandIO, asked: { topic?: string; story?: string } = {}) {
  let result;
  let storyId: string;
  let topic: string | undefined;
  let topics: { id: string; label: string }[];
  try {
    // `story:` briefs another of the workspace's stories once (checked: never another workspace's).
    storyId = asked.story ? (await deps.service.findStory(ownerOf(request), asked.story)).id : await deps.service.channelStory(channelOfRequest(request));
    topics = await deps.service.storyTopics(storyId);
    topic = asked.topic === undefined ? undefined : findTopic(topics, asked.topic)?.id;
    if (asked.topic !== undefined && !topic) {
      const known = topics.map((t) => `\`${escapeMrkdwn(t.id)}\``).join(', ');
      await io.respond(ephemeral(notice(`There is no topic “${escapeMrkdwn(truncate(asked.topic, 50))}”. Topics: ${known}.`)));
      return;
    }
    result = await deps.service.brief({ storyId, ...(topic ? { topic } : {}) });
  } catch (error) {
    deps.logger.error({ err: error, asked }, 'briefing failed');
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
    return;
  }
  const messages = renderBriefing(result.briefing, {
    ...deps.render,
    storyId,
    briefingId: result.briefingId,
    topics,
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
