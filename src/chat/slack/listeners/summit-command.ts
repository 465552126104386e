import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { postAnswer } from '../commands/ask.ts';
import { postBriefing } from '../commands/brief.ts';
import { renderHelp } from '../commands/help.ts';
import { type CommandIO, type CommandRequest, ephemeral, type Reply } from '../commands/io.ts';
import { parseSummitCommand } from '../commands/parse.ts';
import { replySources } from '../commands/sources.ts';
import { sourceCommand } from '../commands/source.ts';
import { followStory, listStories, storyCommand, storyTopics } from '../commands/story.ts';
import { subscribe, unsubscribe } from '../commands/subscribe.ts';
import type { SlackDeps } from '../deps.ts';
import { notice } from '../render/blocks.ts';
import { serviceFailureMessage } from '../user-messages.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Wraps Bolt's respond so a failed response_url post is logged, never thrown into the handler. */
export function safeRespond(deps: SlackDeps, respond: (message: RespondArguments) => Promise<unknown>) {
  return async (reply: Reply & { replace_original?: boolean }) => {
    try {
      await respond(reply as RespondArguments);
    } catch (error) {
      deps.logger.warn({ err: error }, 'response_url post failed');
    }
  };
}

/**
 * `/summit …`: acknowledged at once (Slack gives 3 s), quick answers inside the ack, and the
 * slow work (briefings, answers, Slack look-ups) after it.
 */
export function summitCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: CommandArgs) => {
    const request: CommandRequest = { team: command.team_id, channel: command.channel_id, user: command.user_id };
    const io: CommandIO = { client, respond: safeRespond(deps, respond) };
    const parsed = parseSummitCommand(command.text ?? '');
    let topics: { id: string; label: string }[];
    try {
      topics = deps.service.topics();
    } catch (error) {
      // Slack must get its ack within 3 s whatever fails, or it shows the user a timeout.
      deps.logger.error({ err: error }, 'topics unavailable');
      await ack(ephemeral(notice(serviceFailureMessage(error))));
      return;
    }
    switch (parsed.kind) {
      case 'help':
        await ack(ephemeral(renderHelp(topics, parsed.unknown)));
        return;
      case 'brief':
        // Topics are the story's own, so they are checked once the story is known (after the ack).
        await ack();
        await afterAck(deps, io, () => postBriefing(deps, request, io, { ...(parsed.topic ? { topic: parsed.topic } : {}), ...(parsed.story ? { story: parsed.story } : {}) }));
        return;
      case 'ask':
        await ack();
        await afterAck(deps, io, () => postAnswer(deps, request, io, parsed.question));
        return;
      case 'sources':
        await ack();
        await afterAck(deps, io, async () => replySources(deps, io, await deps.service.channelStory({ platform: 'slack', workspaceId: request.team, channelId: request.channel })));
        return;
      case 'subscribe':
        await ack();
        await afterAck(deps, io, () => subscribe(deps, request, io, parsed.args));
        return;
      case 'unsubscribe':
        await ack();
        await afterAck(deps, io, () => unsubscribe(deps, request, io));
        return;
      case 'source':
        await ack();
        await afterAck(deps, io, () => sourceCommand(deps, request, io, parsed.action, parsed.args));
        return;
      case 'stories':
        await ack();
        await afterAck(deps, io, () => listStories(deps, request, io));
        return;
      case 'story':
        await ack();
        await afterAck(deps, io, () => storyCommand(deps, request, io, parsed.action, parsed.args));
        return;
      case 'follow':
        await ack();
        await afterAck(deps, io, () => followStory(deps, request, io, parsed.story));
        return;
      case 'topics':
        await ack();
        await afterAck(deps, io, () => storyTopics(deps, request, io, parsed.list));
    }
  };
}

/**
 * The slow part of a command. Handlers tell the person about the failures they expect; anything
 * else they throw is logged and answered the same way, ephemerally, never in the channel.
 */
async function afterAck(deps: SlackDeps, io: CommandIO, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    deps.logger.error({ err: error }, 'command failed');
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
  }
}
