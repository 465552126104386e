import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { askSubcommand } from './ask.ts';
import { briefSubcommand } from './brief.ts';
import { helpSubcommand } from './help.ts';
import { sourceGroup } from './source.ts';
import { sourcesSubcommand } from './sources.ts';
import { followSubcommand, storiesSubcommand, topicsSubcommand } from './stories.ts';
import { storyGroup } from './story-group.ts';
import { subscribeSubcommand } from './subscribe.ts';
import type { DiscordCommand, SummitSubcommand } from './types.ts';
import { unsubscribeSubcommand } from './unsubscribe.ts';

export const SUBCOMMANDS: SummitSubcommand[] = [
  briefSubcommand,
  askSubcommand,
  sourcesSubcommand,
  storiesSubcommand,
  followSubcommand,
  topicsSubcommand,
  subscribeSubcommand,
  unsubscribeSubcommand,
  helpSubcommand,
];

/** `/summit` and its subcommands; the topic choices come from the service's topics. */
export const summitCommand = {
  name: 'summit',
  data(topics) {
    const builder = new SlashCommandBuilder()
      .setName('summit')
      .setDescription('Cited news briefings, daily digests and answers from the articles')
      // Threads, channels and subscriptions are server things: no DMs.
      .setContexts(InteractionContextType.Guild);
    for (const sub of SUBCOMMANDS) builder.addSubcommand((b) => sub.define(b, topics));
    builder.addSubcommandGroup((g) => sourceGroup.define(g));
    builder.addSubcommandGroup((g) => storyGroup.define(g));
    return builder.toJSON();
  },
  async execute(interaction, ctx) {
    if (interaction.options.getSubcommandGroup(false) === sourceGroup.name) return sourceGroup.execute(interaction, ctx);
    if (interaction.options.getSubcommandGroup(false) === storyGroup.name) return storyGroup.execute(interaction, ctx);
    const name = interaction.options.getSubcommand(false);
    const sub = SUBCOMMANDS.find((s) => s.name === name) ?? helpSubcommand;
    if (sub === helpSubcommand && name !== 'help') {
      // An outdated deployment can offer subcommands this version does not have.
      await interaction.reply({
        content: `Unknown subcommand “${name ?? ''}”; run \`summit discord deploy\` to refresh /summit.`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return;
    }
    await sub.execute(interaction, ctx);
  },
} satisfies DiscordCommand;
