import type { DiscordContext } from './context.ts';
import { threadKey } from './threads.ts';

/**
 * The story a command in this channel is about: the story of the briefing thread it is in,
 * else the story the channel (or the thread's parent channel) is subscribed to, else the default.
 */
export async function storyForChannel(ctx: DiscordContext, channelId: string, parentId?: string | null): Promise<string> {
  const link = await ctx.service.thread(threadKey(channelId));
  if (link) return link.storyId;
  for (const id of [channelId, parentId]) {
    if (!id) continue;
    const [subscription] = await ctx.service.subscriptions('discord', id);
    if (subscription) return subscription.storyId;
  }
  return ctx.service.defaultStory();
}
