import type { StoryChannel, StoryOwner } from '../../../core/ports/story-repository.ts';
import { STORY_TOPICS_HINT, storyStatus, topicSummary } from '../../../stories/describe.ts';
import type { SlackDeps } from '../deps.ts';
import { context, notice, section, type SlackMessage } from '../render/blocks.ts';
import { escapeMrkdwn, truncate } from '../render/mrkdwn.ts';
import { serviceFailureMessage } from '../user-messages.ts';
import { type CommandIO, type CommandRequest, ephemeral, inChannel } from './io.ts';
import { mayManage } from './subscribe.ts';

const USAGE = [
  '`/summit story new <title> [topics: …]` — a new story of this workspace (admins), e.g. `/summit story new Dutch election topics: results: seats votes; coalition: cabinet talks`',
  '`/summit story rename <story> <new title>`, `/summit story archive <story>` (admins)',
  '`/summit stories` — this workspace’s stories; `/summit follow <story>` — this channel’s story from now on (admins)',
].join('\n');

export const STORY_REFUSAL =
  'Only workspace admins and owners (and people the summit operator allowed) can change this workspace’s stories and what a channel follows.';

export const ownerOf = (request: CommandRequest): StoryOwner => ({ platform: 'slack', workspaceId: request.team });
export const channelOfRequest = (request: CommandRequest): StoryChannel => ({ ...ownerOf(request), channelId: request.channel });

/** `/summit stories`: the workspace's stories with counts and last update, the channel's marked (only to you). */
export async function listStories(deps: SlackDeps, request: CommandRequest, io: CommandIO) {
  await handled(deps, io, 'stories failed', async () => {
    const [summaries, current] = await Promise.all([deps.service.stories(ownerOf(request)), deps.service.channelStory(channelOfRequest(request))]);
    const now = new Date();
    const lines = summaries.map(
      (s) => `${s.story.id === current ? '▸ ' : '• '}*${escapeMrkdwn(truncate(s.story.title, 100))}* (\`${escapeMrkdwn(s.story.id)}\`) — ${escapeMrkdwn(storyStatus(s, now))}`,
    );
    const message: SlackMessage = {
      text: `${summaries.length} ${summaries.length === 1 ? 'story' : 'stories'}`,
      blocks: [section(`*Stories in this workspace* (▸ = this channel’s)\n${lines.join('\n')}`), context('`/summit follow <story>` points this channel at one; `/summit story new <title>` makes one.')],
    };
    await io.respond(ephemeral(message));
  });
}

/** `/summit story new|rename|archive …`. */
export async function storyCommand(deps: SlackDeps, request: CommandRequest, io: CommandIO, action: string | undefined, args: string) {
  if (action !== 'new' && action !== 'rename' && action !== 'archive') {
    await io.respond(ephemeral(notice(action ? `I don’t know \`story ${escapeMrkdwn(action.slice(0, 30))}\`.\n${USAGE}` : USAGE)));
    return;
  }
  if (!(await mayManage(deps, request, io, STORY_REFUSAL))) return;
  await handled(deps, io, `story ${action} failed`, async () => {
    const owner = ownerOf(request);
    if (action === 'new') {
      const split = /(?:^|\s)topics:/i.exec(args);
      const title = split ? args.slice(0, split.index) : args;
      const topics = split ? args.slice(split.index + split[0].length) : undefined;
      const story = await deps.service.createStory({ owner, title, createdBy: `slack:${request.user}`, ...(topics !== undefined ? { topics } : {}) });
      await io.respond(
        inChannel(
          notice(
            `New story *${escapeMrkdwn(story.title)}* (\`${escapeMrkdwn(story.id)}\`), topics ${escapeMrkdwn(topicSummary(story.topics))}. ` +
              `\`/summit follow ${escapeMrkdwn(story.id)}\` makes it a channel’s story; then \`/summit source add <url>\` feeds it.`,
          ),
        ),
      );
      return;
    }
    const [ref = '', ...rest] = args.split(/\s+/).filter(Boolean);
    if (!ref) return void (await io.respond(ephemeral(notice(USAGE))));
    if (action === 'rename') {
      const story = await deps.service.renameStory(owner, ref, rest.join(' '));
      await io.respond(inChannel(notice(`The story \`${escapeMrkdwn(story.id)}\` is now called *${escapeMrkdwn(story.title)}*.`)));
      return;
    }
    const story = await deps.service.archiveStory(owner, ref);
    await io.respond(
      inChannel(notice(`Archived *${escapeMrkdwn(story.title)}*. Channels that followed it use their digest’s or the default story again; its articles stay.`)),
    );
  });
}

/** `/summit follow <story>`: the channel's story from now on (admins). */
export async function followStory(deps: SlackDeps, request: CommandRequest, io: CommandIO, ref: string) {
  if (!(await mayManage(deps, request, io, STORY_REFUSAL))) return;
  await handled(deps, io, 'follow failed', async () => {
    const { story, subscriptionMoved } = await deps.service.follow(channelOfRequest(request), ref);
    const digest = subscriptionMoved ? ' Its daily digest follows it too.' : '';
    await io.respond(
      inChannel(notice(`This channel now follows *${escapeMrkdwn(story.title)}* (\`${escapeMrkdwn(story.id)}\`): \`brief\`, \`ask\`, \`sources\`, \`source add\` and \`subscribe\` use it here.${digest}`)),
    );
  });
}

/** `/summit topics [list]`: the channel story's topics, or (admins) new ones. */
export async function storyTopics(deps: SlackDeps, request: CommandRequest, io: CommandIO, list: string) {
  if (!list.trim()) {
    await handled(deps, io, 'topics failed', async () => {
      const storyId = await deps.service.channelStory(channelOfRequest(request));
      const topics = await deps.service.storyTopics(storyId);
      await io.respond(ephemeral(notice(`*${escapeMrkdwn(storyId)}* is briefed by ${escapeMrkdwn(topicSummary(topics))}. Admins change them with \`/summit topics <list>\`: ${STORY_TOPICS_HINT}.`)));
    });
    return;
  }
  if (!(await mayManage(deps, request, io, STORY_REFUSAL))) return;
  await handled(deps, io, 'topics failed', async () => {
    const storyId = await deps.service.channelStory(channelOfRequest(request));
    const story = await deps.service.setStoryTopics(ownerOf(request), storyId, list);
    await io.respond(inChannel(notice(`*${escapeMrkdwn(story.title)}* is now briefed by ${escapeMrkdwn(topicSummary(story.topics))}.`)));
  });
}

/** Runs a story command; its typed errors are told to the person, anything else gets the generic sentence (and the log). */
async function handled(deps: SlackDeps, io: CommandIO, what: string, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (!(typeof code === 'string' && code.startsWith('story:'))) deps.logger.error({ err: error }, what);
    await io.respond(ephemeral(notice(serviceFailureMessage(error))));
  }
}
