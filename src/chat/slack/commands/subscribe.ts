import { subscriptionPermission } from '../admin.ts';
import type { SlackDeps } from '../deps.ts';
import { callSlack } from '../errors.ts';
import { notice } from '../render/blocks.ts';
import { escapeMrkdwn } from '../render/mrkdwn.ts';
import { serviceFailureMessage, slackFailureMessage } from '../user-messages.ts';
import { type CommandIO, type CommandRequest, ephemeral, inChannel } from './io.ts';
import { parseSubscribeArgs } from './subscribe-args.ts';

export const REFUSAL =
  'Only workspace admins and owners (and people the summit operator allowed) can change this channel’s daily digest. Ask one of them to run the command.';

/** Checks that the member may manage digests; tells them why not otherwise. */
export async function mayManage(deps: SlackDeps, request: CommandRequest, io: CommandIO, refusal = REFUSAL) {
  try {
    const permission = await subscriptionPermission(io.client, request.user, deps.adminUsers);
    if (!permission.allowed) await io.respond(ephemeral(notice(refusal)));
    return permission.allowed ? permission : undefined;
  } catch (error) {
    deps.logger.warn({ err: error, user: request.user }, 'users.info failed');
    await io.respond(ephemeral(notice('I couldn’t check your permissions with Slack. Please try again in a minute.')));
    return undefined;
  }
}

/** A digest can only be delivered where the bot is a member: check before promising one. */
async function botCanPost(deps: SlackDeps, request: CommandRequest, io: CommandIO): Promise<boolean> {
  try {
    const { channel } = await callSlack('conversations.info', () => io.client.conversations.info({ channel: request.channel }));
    if (channel?.is_member || channel?.is_im) return true;
    await io.respond(ephemeral(notice('I’m not a member of this channel, so I couldn’t deliver a digest here. Invite me with `/invite @summit`, then subscribe again.')));
  } catch (error) {
    deps.logger.warn({ err: error, channel: request.channel }, 'conversations.info failed');
    await io.respond(ephemeral(notice(slackFailureMessage(error, 'a digest'))));
  }
  return false;
}

export async function subscribe(deps: SlackDeps, request: CommandRequest, io: CommandIO, args: string[]) {
  const permission = await mayManage(deps, request, io);
  if (!permission) return;
  let storyId: string;
  let topics: { id: string; label: string }[];
  try {
    storyId = await deps.service.channelStory({ platform: 'slack', workspaceId: request.team, channelId: request.channel });
    topics = await deps.service.storyTopics(storyId);
  } catch (error) {
    deps.logger.error({ err: error, channel: request.channel }, 'subscribe failed');
    return void (await io.respond(ephemeral(notice(serviceFailureMessage(error)))));
  }
  const parsed = parseSubscribeArgs(args, topics, permission.timeZone);
  if (!parsed.ok) {
    await io.respond(ephemeral(notice(parsed.message)));
    return;
  }
  if (!(await botCanPost(deps, request, io))) return;
  try {
    const replaced = (await deps.service.subscriptions('slack', request.channel)).length > 0;
    await deps.service.subscribe({
      platform: 'slack',
      workspaceId: request.team,
      channelId: request.channel,
      storyId,
      time: parsed.time,
      timeZone: parsed.timeZone,
      topics: parsed.topics,
      createdBy: request.user,
    });
    const labels = parsed.topics.map((id) => topics.find((t) => t.id === id)?.label ?? id);
    const what = labels.length > 0 ? labels.map(escapeMrkdwn).join(', ') : 'all topics';
    await io.respond(
      inChannel(
        notice(
          `${replaced ? 'Updated: this' : 'This'} channel gets a daily digest of *${escapeMrkdwn(storyId)}* at ${parsed.time} (${escapeMrkdwn(parsed.timeZone)}), ${what}. Stop it with \`/summit unsubscribe\`.`,
        ),
      ),
    );
  } catch (error) {
    deps.logger.error({ err: error, channel: request.channel }, 'subscribe failed');
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
  }
}

export async function unsubscribe(deps: SlackDeps, request: CommandRequest, io: CommandIO) {
  if (!(await mayManage(deps, request, io))) return;
  try {
    const removed = await deps.service.unsubscribe('slack', request.channel);
    await io.respond(
      removed
        ? inChannel(notice('This channel’s daily digest is stopped. Start it again with `/summit subscribe HH:MM`.'))
        : ephemeral(notice('This channel has no daily digest to stop.')),
    );
  } catch (error) {
    deps.logger.error({ err: error, channel: request.channel }, 'unsubscribe failed');
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
  }
}
