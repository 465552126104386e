import { subscriptionPermission } from '../admin.ts';
import type { SlackDeps } from '../deps.ts';
import { notice } from '../render/blocks.ts';
import { escapeMrkdwn, mrkdwnLink } from '../render/mrkdwn.ts';
import { renderSourceStatusList } from '../render/source-status.ts';
import { serviceFailureMessage } from '../user-messages.ts';
import { checkSourceUrl, parseSourceAdd } from '../../../sources/source-input.ts';
import { type CommandIO, type CommandRequest, ephemeral, inChannel } from './io.ts';

export const SOURCE_REFUSAL =
  'Only workspace admins and owners (and people the summit operator allowed) can change the feeds and pages summit follows.';

const USAGE = [
  '`/summit source add <url> [keywords]` — follow a feed or article page (admins), e.g. `/summit source add https://example.com/rss.xml steel "trade deal"`',
  '`/summit source list` — what this story follows and how each source is doing',
  '`/summit source remove <url>` — stop following it (admins)',
].join('\n');

/** `/summit source add|list|remove …`. */
export async function sourceCommand(deps: SlackDeps, request: CommandRequest, io: CommandIO, action: string | undefined, args: string) {
  switch (action) {
    case 'add':
      return addSource(deps, request, io, args);
    case 'remove':
      return removeSource(deps, request, io, args);
    case 'list':
      return listSources(deps, request, io);
    default:
      await io.respond(ephemeral(notice(action ? `I don’t know \`source ${escapeMrkdwn(action.slice(0, 30))}\`.\n${USAGE}` : USAGE)));
  }
}

async function mayChangeSources(deps: SlackDeps, request: CommandRequest, io: CommandIO): Promise<boolean> {
  try {
    const permission = await subscriptionPermission(io.client, request.user, deps.adminUsers);
    if (!permission.allowed) await io.respond(ephemeral(notice(SOURCE_REFUSAL)));
    return permission.allowed;
  } catch (error) {
    deps.logger.warn({ err: error, user: request.user }, 'users.info failed');
    await io.respond(ephemeral(notice('I couldn’t check your permissions with Slack. Please try again in a minute.')));
    return false;
  }
}

async function addSource(deps: SlackDeps, request: CommandRequest, io: CommandIO, args: string) {
  if (!(await mayChangeSources(deps, request, io))) return;
  const parsed = parseSourceAdd(args);
  if (!parsed.ok) return void (await io.respond(ephemeral(notice(`${capitalise(escapeMrkdwn(parsed.error))}.\n${USAGE}`))));
  const { url, keywords } = parsed.value;
  try {
    const storyId = await channelStory(deps, request);
    const { created } = await deps.service.addSource({ storyId, url, keywords, addedBy: `slack:${request.user}` });
    const filter = keywords.length > 0 ? `, keeping articles that mention ${keywords.map((k) => `“${escapeMrkdwn(k)}”`).join(', ')}` : '';
    await io.respond(
      inChannel(
        notice(
          `${created ? 'Now following' : 'Updated'} ${mrkdwnLink(url, url)} for *${escapeMrkdwn(storyId)}*${filter}. ` +
            'It is read now and then on a schedule; `/summit source list` shows how it is doing.',
        ),
      ),
    );
  } catch (error) {
    await failed(deps, io, error, 'source add failed', url);
  }
}

async function removeSource(deps: SlackDeps, request: CommandRequest, io: CommandIO, args: string) {
  if (!(await mayChangeSources(deps, request, io))) return;
  const url = checkSourceUrl(args.trim().split(/\s+/)[0] ?? '');
  if (!url.ok) return void (await io.respond(ephemeral(notice(`${capitalise(escapeMrkdwn(url.error))}.\n${USAGE}`))));
  try {
    const storyId = await channelStory(deps, request);
    const removed = await deps.service.removeSource(storyId, url.value);
    await io.respond(
      removed
        ? inChannel(notice(`Stopped following ${mrkdwnLink(url.value, url.value)} for *${escapeMrkdwn(storyId)}*. Articles it brought stay in the story.`))
        : ephemeral(notice(`*${escapeMrkdwn(storyId)}* does not follow ${escapeMrkdwn(url.value)}. \`/summit source list\` shows what it follows.`)),
    );
  } catch (error) {
    await failed(deps, io, error, 'source remove failed', url.value);
  }
}

async function listSources(deps: SlackDeps, request: CommandRequest, io: CommandIO) {
  try {
    const storyId = await channelStory(deps, request);
    await io.respond(ephemeral(renderSourceStatusList(storyId, await deps.service.listSources(storyId), new Date())));
  } catch (error) {
    await failed(deps, io, error, 'source list failed');
  }
}

/** Source errors are written for the person; anything else gets the generic sentence (and the log). */
async function failed(deps: SlackDeps, io: CommandIO, error: unknown, what: string, url?: string) {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('source:') && error instanceof Error) {
    await io.respond(ephemeral(notice(`Sorry: ${escapeMrkdwn(error.message)}.`)));
    return;
  }
  deps.logger.error({ err: error, url }, what);
  await io.respond(ephemeral(notice(serviceFailureMessage(error))));
}

function channelStory(deps: SlackDeps, request: CommandRequest): Promise<string> {
  return deps.service.channelStory({ platform: 'slack', workspaceId: request.team, channelId: request.channel });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
