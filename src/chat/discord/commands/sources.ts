import { briefingPageUrl } from '../render/links.ts';
import { sourcesEmbeds } from '../render/sources.ts';
import { sendReply } from '../reply.ts';
import { storyForChannel } from '../story.ts';
import { channelOf } from './channel.ts';
import type { SummitSubcommand } from './types.ts';
import { storyTitle } from '../../../render/story-title.ts';

export const sourcesSubcommand = {
  name: 'sources',
  define: (builder) => builder.setName('sources').setDescription('List the articles behind the briefing, with rewrite groups'),
  async execute(interaction, ctx) {
    await interaction.deferReply();
    const { channelId, parentId } = channelOf(interaction);
    const storyId = await storyForChannel(ctx, interaction.guildId, channelId, parentId);
    const { briefingId, briefing } = await ctx.service.brief({ storyId });
    const embeds = sourcesEmbeds(storyTitle(briefing), briefing.articles, ctx.settings.publicBaseUrl, briefingPageUrl(ctx.settings.publicBaseUrl, briefingId));
    await sendReply(interaction, [{ content: '', embeds }], ctx);
  },
} satisfies SummitSubcommand;
