import type { StoryChannel, StoryOwner } from '../../core/ports/story-repository.ts';
import type { DiscordContext } from './context.ts';
import { threadKey } from './threads.ts';

/**
 * The story a command in this channel is about: the story of the briefing thread it is in,
 * else the story of the channel (or of the thread's parent channel): the one it follows, else
 * its digest subscription's, else the default.
 */
export async function storyForChannel(ctx: DiscordContext, guildId: string | null, channelId: string, parentId?: string | null): Promise<string> {
  const link = await ctx.service.thread(threadKey(channelId));
  if (link) return link.storyId;
  return ctx.service.channelStory(guildChannel(guildId, parentId ?? channelId));
}

export const guildOwner = (guildId: string | null): StoryOwner => ({ platform: 'discord', workspaceId: guildId ?? '' });
export const guildChannel = (guildId: string | null, channelId: string): StoryChannel => ({ ...guildOwner(guildId), channelId });
