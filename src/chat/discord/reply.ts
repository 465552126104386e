import { type RepliableInteraction, RESTJSONErrorCodes } from 'discord.js';
import { postChannelMessage } from './channel-messages.ts';
import type { DiscordContext } from './context.ts';
import { isDiscordError } from './errors.ts';
import { DISCORD_LIMITS } from './render/limits.ts';
import { type MessageBody, replyOptions } from './render/message.ts';
import { truncate } from './render/text.ts';

/** Discord's interaction tokens (edit reply, follow-ups) are valid for 15 minutes. */
const TOKEN_LIFETIME_MS = 15 * 60_000;
/** Room for the request itself and clock skew: past this the token counts as expired. */
const TOKEN_MARGIN_MS = 60_000;

export interface PostedRef {
  channelId: string;
  messageId: string;
}

export function interactionTokenUsable(interaction: RepliableInteraction, now: number): boolean {
  return now < interaction.createdTimestamp + TOKEN_LIFETIME_MS - TOKEN_MARGIN_MS;
}

/**
 * Delivers a (deferred) reply of one or more messages: the first edits the deferred reply, the
 * rest are follow-ups. Work that outlived the interaction token (or a token Discord no longer
 * accepts) is posted to the channel instead, naming who asked. Returns where the first landed.
 */
export async function sendReply(interaction: RepliableInteraction, parts: MessageBody[], ctx: DiscordContext): Promise<PostedRef> {
  let first: PostedRef | undefined;
  let viaChannel = false;
  for (const [i, part] of parts.entries()) {
    if (!viaChannel && interactionTokenUsable(interaction, ctx.now())) {
      try {
        const message = i === 0 ? await interaction.editReply(replyOptions(part)) : await interaction.followUp(replyOptions(part));
        first ??= { channelId: message.channelId, messageId: message.id };
        continue;
      } catch (error) {
        const expired = isDiscordError(error, RESTJSONErrorCodes.InvalidWebhookToken, RESTJSONErrorCodes.UnknownWebhook, RESTJSONErrorCodes.UnknownInteraction);
        if (!expired) throw error;
      }
    }
    viaChannel = true;
    if (!interaction.channelId) throw new Error('the interaction token expired and the interaction has no channel to post in');
    const body = i === 0 ? { ...part, content: lateNote(interaction.user.id, part.content) } : part;
    ctx.logger.warn({ interactionId: interaction.id, part: i }, 'interaction token expired; posting to the channel instead');
    const message = await postChannelMessage(ctx.rest, interaction.channelId, body, { nonce: `r${interaction.id}${i}` });
    first ??= { channelId: message.channel_id, messageId: message.id };
  }
  if (!first) throw new Error('sendReply needs at least one message');
  return first;
}

function lateNote(userId: string, content: string): string {
  // A mention renders the name; allowed_mentions parses nothing, so it does not ping.
  return truncate(`Requested by <@${userId}> (this took longer than Discord lets a command reply).\n${content}`, DISCORD_LIMITS.content);
}
