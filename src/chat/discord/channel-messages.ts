import { type APIDMChannel, type APIMessage, type APIThreadChannel, type REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import { isDiscordError } from './errors.ts';
import { DISCORD_LIMITS } from './render/limits.ts';
import { type MessageBody, NO_MENTIONS } from './render/message.ts';
import { truncate } from './render/text.ts';

export interface ChannelPostOptions {
  /**
   * Idempotency key (≤ 25 chars): with `enforce_nonce`, Discord returns the message already
   * created with this nonce instead of posting again, so a retried delivery never double-posts.
   */
  nonce?: string;
  /** Reply to this message (no ping: `replied_user` stays false). */
  replyTo?: string;
}

/** Posts a message to a channel or thread through discord.js's REST client (rate limits handled there). */
export async function postChannelMessage(rest: REST, channelId: string, body: MessageBody, options: ChannelPostOptions = {}): Promise<APIMessage> {
  if (options.nonce && options.nonce.length > DISCORD_LIMITS.nonce) throw new Error(`nonce longer than ${DISCORD_LIMITS.nonce}: ${options.nonce}`);
  return (await rest.post(Routes.channelMessages(channelId), {
    body: {
      content: body.content,
      embeds: body.embeds,
      ...(body.components ? { components: body.components } : {}),
      allowed_mentions: { ...NO_MENTIONS, replied_user: false },
      ...(options.nonce ? { nonce: options.nonce, enforce_nonce: true } : {}),
      ...(options.replyTo ? { message_reference: { message_id: options.replyTo, fail_if_not_exists: false } } : {}),
    },
  })) as APIMessage;
}

/**
 * Starts a public thread on a message and returns the thread's channel id. A thread started
 * from a message has that message's id, so "already created" (a retried delivery) is success.
 */
export async function startThreadOnMessage(rest: REST, channelId: string, messageId: string, name: string): Promise<string> {
  try {
    const thread = (await rest.post(Routes.threads(channelId, messageId), {
      body: { name: truncate(name, DISCORD_LIMITS.threadName), auto_archive_duration: 1440 },
    })) as APIThreadChannel;
    return thread.id;
  } catch (error) {
    if (isDiscordError(error, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)) return messageId;
    throw error;
  }
}

/**
 * A direct message to one person (the DM channel is opened, or found, first): where a reason
 * meant only for them goes when there is no interaction to answer ephemerally.
 */
export async function postDirectMessage(rest: REST, userId: string, body: MessageBody): Promise<APIMessage> {
  const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIDMChannel;
  return postChannelMessage(rest, dm.id, body);
}
