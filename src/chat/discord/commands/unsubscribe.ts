import { MessageFlags } from 'discord.js';
import { canManageSubscriptions } from '../permissions.ts';
import { REFUSAL } from './subscribe.ts';
import type { SummitSubcommand } from './types.ts';

export const unsubscribeSubcommand = {
  name: 'unsubscribe',
  define: (builder) => builder.setName('unsubscribe').setDescription('Stop the daily digest in this channel (needs Manage Channels)'),
  async execute(interaction, ctx) {
    if (!interaction.inGuild() || !canManageSubscriptions(interaction, ctx.settings.adminRoleId)) {
      await interaction.reply({ content: REFUSAL, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    await interaction.deferReply();
    const removed = await ctx.service.unsubscribe('discord', interaction.channelId);
    await interaction.editReply({
      content: removed ? 'Daily digest stopped for this channel.' : 'This channel had no daily digest.',
      allowedMentions: { parse: [] },
    });
  },
} satisfies SummitSubcommand;
