import { type Interaction, type RepliableInteraction, RESTJSONErrorCodes } from 'discord.js';
import { handleButton, isSummitButton } from './buttons.ts';
import { summitCommand } from './commands/summit.ts';
import type { DiscordContext } from './context.ts';
import { isDiscordError } from './errors.ts';
import { tellPrivately } from './private-reply.ts';
import { userMessage } from './user-messages.ts';

/** Routes one interaction to its handler; failures are logged and told plainly to the one who asked, never the channel. */
export async function handleInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand() && interaction.commandName === summitCommand.name) {
      await summitCommand.execute(interaction, ctx);
    } else if (interaction.isButton() && isSummitButton(interaction)) {
      await handleButton(interaction, ctx);
    }
  } catch (error) {
    // A replayed interaction (gateway resume) or one older than 3 s cannot be answered: nothing to tell.
    if (isDiscordError(error, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, RESTJSONErrorCodes.UnknownInteraction)) {
      ctx.logger.warn({ interactionId: interaction.id, code: error.code }, 'interaction could not be acknowledged');
      return;
    }
    ctx.logger.error({ err: error, interactionId: interaction.id, guildId: interaction.guildId, channelId: interaction.channelId }, 'interaction failed');
    if (interaction.isRepliable()) await tellUser(interaction, userMessage(error), ctx);
  }
}

async function tellUser(interaction: RepliableInteraction, content: string, ctx: DiscordContext) {
  try {
    await tellPrivately(interaction, content);
  } catch (error) {
    ctx.logger.warn({ err: error, interactionId: interaction.id }, 'could not tell the user about a failure');
  }
}
