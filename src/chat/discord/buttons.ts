import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { switchTopic } from './commands/brief.ts';
import type { DiscordContext } from './context.ts';
import { parseButtonId } from './render/components.ts';
import { briefingPageUrl } from './render/links.ts';
import { sourcesEmbeds } from './render/sources.ts';
import { storyForChannel } from './story.ts';
import { threadKey } from './threads.ts';
import { storyTitle } from '../../render/story-title.ts';

/** True when the button is one of summit's. */
export const isSummitButton = (interaction: ButtonInteraction) => parseButtonId(interaction.customId) !== undefined;

/**
 * Buttons under a briefing. The story is the one linked to the message's thread (a thread
 * started from a message has the message's id), else the channel's.
 */
export async function handleButton(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const button = parseButtonId(interaction.customId);
  if (!button) return;
  if (button.kind === 'topic') {
    // deferUpdate first: the 3-second window runs while the story is looked up.
    await interaction.deferUpdate();
    await switchTopic(interaction, ctx, await storyOfMessage(interaction, ctx), button.topicId);
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const storyId = await storyOfMessage(interaction, ctx);
  const { briefingId, briefing } = await ctx.service.brief({ storyId });
  const embeds = sourcesEmbeds(storyTitle(briefing), briefing.articles, ctx.settings.publicBaseUrl, briefingPageUrl(ctx.settings.publicBaseUrl, briefingId));
  await interaction.editReply({ content: '', embeds, allowedMentions: { parse: [] } });
}

async function storyOfMessage(interaction: ButtonInteraction, ctx: DiscordContext): Promise<string> {
  const link = await ctx.service.thread(threadKey(interaction.message.id));
  if (link) return link.storyId;
  const channel = interaction.channel;
  return storyForChannel(ctx, interaction.guildId, interaction.channelId, channel?.isThread() ? channel.parentId : null);
}
