import type { ChatInputCommandInteraction, SlashCommandSubcommandGroupBuilder } from 'discord.js';
import { topicSummary } from '../../../stories/describe.ts';
import type { DiscordContext } from '../context.ts';
import { canManageSubscriptions } from '../permissions.ts';
import { inertText, truncate } from '../render/text.ts';
import { guildOwner } from '../story.ts';
import { privately, STORY_REFUSAL } from './stories.ts';

/** `/summit story new|rename|archive`: this server's stories (Manage Channels). */
export const storyGroup = {
  name: 'story',
  define: (group: SlashCommandSubcommandGroupBuilder) =>
    group
      .setName('story')
      .setDescription('Make, rename or archive this server’s stories (needs Manage Channels)')
      .addSubcommand((b) =>
        b
          .setName('new')
          .setDescription('A new story of this server; /summit follow makes it a channel’s story')
          .addStringOption((o) => o.setName('title').setDescription('Display title, e.g. Dutch election').setRequired(true).setMaxLength(100))
          .addStringOption((o) => o.setName('topics').setDescription('e.g. results: seats votes; coalition: cabinet talks (default: trade, defence, China)').setMaxLength(1000)),
      )
      .addSubcommand((b) =>
        b
          .setName('rename')
          .setDescription('Give a story a new title')
          .addStringOption((o) => o.setName('story').setDescription('Story id or title').setRequired(true).setMaxLength(100))
          .addStringOption((o) => o.setName('title').setDescription('The new title').setRequired(true).setMaxLength(100)),
      )
      .addSubcommand((b) =>
        b
          .setName('archive')
          .setDescription('Hide a story; channels that followed it go back to the default story')
          .addStringOption((o) => o.setName('story').setDescription('Story id or title').setRequired(true).setMaxLength(100)),
      ),
  async execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext) {
    if (!interaction.inGuild() || !canManageSubscriptions(interaction, ctx.settings.adminRoleId)) return privately(interaction, STORY_REFUSAL);
    const owner = guildOwner(interaction.guildId);
    const action = interaction.options.getSubcommand(true);
    await interaction.deferReply();
    let content: string;
    if (action === 'new') {
      const topics = interaction.options.getString('topics') ?? undefined;
      const story = await ctx.service.createStory({
        owner,
        title: interaction.options.getString('title', true),
        createdBy: `discord:${interaction.user.id}`,
        ...(topics ? { topics } : {}),
      });
      content = `New story **${inertText(story.title)}** (\`${inertText(story.id)}\`), topics ${inertText(topicSummary(story.topics))}. \`/summit follow\` makes it a channel’s story; then \`/summit source add\` feeds it.`;
    } else if (action === 'rename') {
      const story = await ctx.service.renameStory(owner, interaction.options.getString('story', true), interaction.options.getString('title', true));
      content = `The story \`${inertText(story.id)}\` is now called **${inertText(story.title)}**.`;
    } else {
      const story = await ctx.service.archiveStory(owner, interaction.options.getString('story', true));
      content = `Archived **${inertText(story.title)}**. Channels that followed it use their digest’s or the default story again; its articles stay.`;
    }
    await interaction.editReply({ content: truncate(content, 2000), allowedMentions: { parse: [] } });
  },
};
