import type { Interaction } from 'discord.js';

/** The interaction's channel and, inside a thread, its parent channel. */
export function channelOf(interaction: Interaction): { channelId: string; parentId: string | null; inThread: boolean } {
  const channel = interaction.channel;
  const inThread = channel?.isThread() ?? false;
  return {
    channelId: interaction.channelId ?? '',
    parentId: channel?.isThread() ? channel.parentId : null,
    inThread,
  };
}
