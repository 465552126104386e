import { MessageFlags } from 'discord.js';
import { STORY_TOPICS_HINT, storyStatus, topicSummary } from '../../../stories/describe.ts';
import { canManageSubscriptions } from '../permissions.ts';
import { inertText, truncate } from '../render/text.ts';
import { guildChannel, guildOwner, storyForChannel } from '../story.ts';
import { channelOf } from './channel.ts';
import type { SummitSubcommand } from './types.ts';

export const STORY_REFUSAL = 'Only members with **Manage Channels** (or the summit admin role) can change this server’s stories and what a channel follows.';

/** `/summit stories`: this server's stories with article counts and last update (only to you). */
export const storiesSubcommand = {
  name: 'stories',
  define: (builder) => builder.setName('stories').setDescription('This server’s stories, with articles and last update'),
  async execute(interaction, ctx) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { channelId, parentId } = channelOf(interaction);
    const [summaries, current] = await Promise.all([
      ctx.service.stories(guildOwner(interaction.guildId)),
      storyForChannel(ctx, interaction.guildId, channelId, parentId),
    ]);
    const now = new Date(ctx.now());
    const lines = summaries.map(
      (s) => `${s.story.id === current ? '▸' : '•'} **${truncate(inertText(s.story.title), 100)}** (\`${inertText(s.story.id)}\`) — ${inertText(storyStatus(s, now))}`,
    );
    await interaction.editReply({
      embeds: [
        {
          title: 'Stories in this server',
          description: truncate(`${lines.join('\n')}\n\n▸ = this channel’s. \`/summit follow\` points a channel at one; \`/summit story new\` makes one.`, 4096),
          color: 0x2b6cb0,
        },
      ],
      allowedMentions: { parse: [] },
    });
  },
} satisfies SummitSubcommand;

/** `/summit follow <story>`: the channel's story from now on (Manage Channels). */
export const followSubcommand = {
  name: 'follow',
  define: (builder) =>
    builder
      .setName('follow')
      .setDescription('Make a story this channel’s story: brief, ask, sources and digests use it (needs Manage Channels)')
      .addStringOption((o) => o.setName('story').setDescription('Story id or title (see /summit stories)').setRequired(true).setMaxLength(100)),
  async execute(interaction, ctx) {
    if (!interaction.inGuild() || !canManageSubscriptions(interaction, ctx.settings.adminRoleId)) return void (await privately(interaction, STORY_REFUSAL));
    const { channelId, inThread } = channelOf(interaction);
    if (inThread) return void (await privately(interaction, 'Threads keep the story they were opened for; run `/summit follow` in the channel.'));
    await interaction.deferReply();
    const { story, subscriptionMoved } = await ctx.service.follow(guildChannel(interaction.guildId, channelId), interaction.options.getString('story', true));
    await interaction.editReply({
      content: truncate(
        `This channel now follows **${inertText(story.title)}** (\`${inertText(story.id)}\`): \`brief\`, \`ask\`, \`sources\`, \`source add\` and \`subscribe\` use it here.${subscriptionMoved ? ' Its daily digest follows it too.' : ''}`,
        2000,
      ),
      allowedMentions: { parse: [] },
    });
  },
} satisfies SummitSubcommand;

/** `/summit topics [list]`: the channel story's topics, or (Manage Channels) new ones. */
export const topicsSubcommand = {
  name: 'topics',
  define: (builder) =>
    builder
      .setName('topics')
      .setDescription('The topics this channel’s story is briefed by; with a list, set them (needs Manage Channels)')
      .addStringOption((o) => o.setName('list').setDescription('e.g. results: seats votes; coalition: cabinet talks').setMaxLength(1000)),
  async execute(interaction, ctx) {
    const list = interaction.options.getString('list')?.trim() ?? '';
    const { channelId, parentId } = channelOf(interaction);
    if (!list) {
      const storyId = await storyForChannel(ctx, interaction.guildId, channelId, parentId);
      const topics = await ctx.service.storyTopics(storyId);
      return void (await privately(interaction, `**${inertText(storyId)}** is briefed by ${inertText(topicSummary(topics))}. Members with Manage Channels change them with \`/summit topics list:…\`: ${STORY_TOPICS_HINT}.`));
    }
    if (!interaction.inGuild() || !canManageSubscriptions(interaction, ctx.settings.adminRoleId)) return void (await privately(interaction, STORY_REFUSAL));
    await interaction.deferReply();
    const storyId = await storyForChannel(ctx, interaction.guildId, channelId, parentId);
    const story = await ctx.service.setStoryTopics(guildOwner(interaction.guildId), storyId, list);
    await interaction.editReply({ content: truncate(`**${inertText(story.title)}** is now briefed by ${inertText(topicSummary(story.topics))}.`, 2000), allowedMentions: { parse: [] } });
  },
} satisfies SummitSubcommand;

export async function privately(interaction: Parameters<SummitSubcommand['execute']>[0], content: string) {
  await interaction.reply({ content: truncate(content, 2000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
