import { MessageFlags } from 'discord.js';
import { canManageSubscriptions, missingDeliveryPermissions } from '../permissions.ts';
import { inertText, truncate } from '../render/text.ts';
import { storyForChannel } from '../story.ts';
import { channelOf } from './channel.ts';
import { parseSubscriptionInput } from './subscription-input.ts';
import type { SummitSubcommand } from './types.ts';

export const REFUSAL =
  'Only members with **Manage Channels** (or the summit admin role) can change this channel’s daily digest.';

export const subscribeSubcommand = {
  name: 'subscribe',
  define: (builder) =>
    builder
      .setName('subscribe')
      .setDescription('Post a daily digest of what is new in this channel (needs Manage Channels)')
      .addStringOption((o) => o.setName('time').setDescription('Local time, 24-hour HH:MM, e.g. 07:30').setRequired(true).setMaxLength(5))
      .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin (default UTC)').setMaxLength(64))
      .addStringOption((o) => o.setName('topics').setDescription('Comma-separated topic ids (default: all topics)').setMaxLength(200)),
  async execute(interaction, ctx) {
    const ephemeral = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    if (!interaction.inGuild() || !interaction.guildId) return void (await ephemeral('Digests are posted to server channels; use this command in one.'));
    if (!canManageSubscriptions(interaction, ctx.settings.adminRoleId)) return void (await ephemeral(REFUSAL));
    const { channelId, inThread } = channelOf(interaction);
    if (inThread) return void (await ephemeral('Digests open a thread each day, so subscribe a channel, not a thread.'));
    const storyId = await storyForChannel(ctx, interaction.guildId, channelId);
    const storyTopics = await ctx.service.storyTopics(storyId);
    const input = parseSubscriptionInput(
      {
        time: interaction.options.getString('time', true),
        timeZone: interaction.options.getString('timezone'),
        topics: interaction.options.getString('topics'),
      },
      storyTopics,
    );
    if (!input.ok) return void (await ephemeral(input.error));

    await interaction.deferReply();
    const { time, timeZone, topics } = input.value;
    await ctx.service.subscribe({
      platform: 'discord',
      workspaceId: interaction.guildId,
      channelId,
      storyId,
      time,
      timeZone,
      topics,
      createdBy: interaction.user.id,
    });
    const labels = topics.map((id) => storyTopics.find((t) => t.id === id)?.label ?? id);
    const missing = missingDeliveryPermissions(interaction.appPermissions);
    const lines = [
      `This channel will get a daily digest of **${truncate(inertText(storyId), 200)}** at **${time}** (${timeZone}), ${labels.length ? `topics: ${labels.map(inertText).join(', ')}` : 'all topics'}.`,
      'Each digest shows only what is new and opens a thread for questions. `/summit unsubscribe` stops it.',
    ];
    if (missing.length > 0) lines.push(`⚠️ I am missing **${missing.join(', ')}** here; digests will fail until someone grants them.`);
    await interaction.editReply({ content: lines.join('\n'), allowedMentions: { parse: [] } });
  },
} satisfies SummitSubcommand;
