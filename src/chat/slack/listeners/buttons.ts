import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeActionValue } from '../actions.ts';
import { ephemeral } from '../commands/io.ts';
import { replySources } from '../commands/sources.ts';
import type { SlackDeps } from '../deps.ts';
import { updateMessage } from '../post.ts';
import { notice } from '../render/blocks.ts';
import { renderBriefingShortened } from '../render/briefing.ts';
import { slackThreadId } from '../thread-id.ts';
import { serviceFailureMessage, slackFailureMessage } from '../user-messages.ts';
import { safeRespond } from './summit-command.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A topic button: the briefing message is replaced in place (same ts, so its thread stays). */
export function topicButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs) => {
    await ack();
    const reply = safeRespond(deps, respond);
    const value = decodeActionValue(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!value || !channel || !ts) {
      deps.logger.warn({ value: action.value }, 'topic button without story, channel or message');
      return;
    }
    let message;
    let briefingId: string;
    try {
      const result = await deps.service.brief({ storyId: value.story, ...(value.topic ? { topic: value.topic } : {}) });
      briefingId = result.briefingId;
      message = renderBriefingShortened(result.briefing, {
        ...deps.render,
        storyId: value.story,
        briefingId,
        topics: await deps.service.storyTopics(value.story),
        ...(value.topic ? { topic: value.topic } : {}),
      });
    } catch (error) {
      deps.logger.error({ err: error, story: value.story }, 'briefing for topic button failed');
      await reply({ ...ephemeral(notice(serviceFailureMessage(error))), replace_original: false });
      return;
    }
    try {
      await updateMessage(client, channel, ts, message);
      await deps.service.linkThread({ threadId: slackThreadId(channel, ts), storyId: value.story, briefingId });
    } catch (error) {
      deps.logger.warn({ err: error, channel }, 'could not update briefing');
      await reply({ ...ephemeral(notice(slackFailureMessage(error, 'the briefing'))), replace_original: false });
    }
  };
}

/** The Sources button: the full list, shown only to whoever pressed it. */
export function sourcesButton(deps: SlackDeps) {
  return async ({ ack, action, respond }: ButtonArgs) => {
    await ack();
    const reply = safeRespond(deps, respond);
    const story = decodeActionValue(action.value)?.story ?? deps.service.defaultStory();
    await replySources(deps, { respond: (r) => reply({ ...r, replace_original: false }) }, story);
  };
}
