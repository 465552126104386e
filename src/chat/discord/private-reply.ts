import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { truncate } from './render/text.ts';

/** What the channel sees of a public deferred reply whose command failed; the reason goes to the one who asked. */
export const FAILED_NOTE = 'This request could not be completed.';

/**
 * Tells only the person who ran the interaction: an ephemeral reply, or — when a public reply
 * was already deferred — that reply becomes a short neutral note and the reason follows
 * ephemerally; after a reply or a button's deferUpdate, an ephemeral follow-up. The channel
 * never sees an error meant for one person.
 */
export async function tellPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  const message = { content: truncate(content, 2000), allowedMentions: { parse: [] } };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    return;
  }
  // discord.js sets `ephemeral` on deferReply only; after a button's deferUpdate it stays null
  // and @original is the briefing the button sits under, which must stay as it is.
  if (interaction.deferred && !interaction.replied && interaction.ephemeral !== null) {
    // An ephemeral deferral is already private: its reply can carry the reason itself.
    if (interaction.ephemeral) {
      await interaction.editReply(message);
      return;
    }
    await interaction.editReply({ content: FAILED_NOTE, embeds: [], components: [], allowedMentions: { parse: [] } });
  }
  await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
}
