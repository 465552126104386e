import { CHANNEL_TYPE } from './constants.ts';
import type { Json, PeerChannel, PeerUser, StoredMessage } from './state.ts';

/** JSON objects shaped as Discord sends them (https://discord.com/developers/docs/resources/). */

export function userJson(user: PeerUser): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.bot ? null : user.username,
    avatar: null,
    bot: user.bot,
    public_flags: 0,
  };
}

export function memberJson(user: PeerUser, roles: string[], joinedAt: number, permissions?: bigint): Json {
  return {
    user: userJson(user),
    nick: null,
    avatar: null,
    roles,
    joined_at: new Date(joinedAt).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    ...(permissions === undefined ? {} : { permissions: permissions.toString() }),
  };
}

export function channelJson(channel: PeerChannel, guildId: string, recipient?: PeerUser): Json {
  if (channel.type === CHANNEL_TYPE.DM) {
    return { id: channel.id, type: channel.type, last_message_id: null, flags: 0, recipients: recipient ? [userJson(recipient)] : [] };
  }
  if (channel.type === CHANNEL_TYPE.PublicThread) {
    return {
      id: channel.id,
      type: channel.type,
      guild_id: guildId,
      parent_id: channel.parentId,
      owner_id: channel.ownerId,
      name: channel.name,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: channel.autoArchiveDuration ?? 4320,
        archive_timestamp: new Date(channel.createdAt).toISOString(),
        locked: false,
        create_timestamp: new Date(channel.createdAt).toISOString(),
      },
    };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: guildId,
    name: channel.name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

/** `guildId` undefined for a DM's message (Discord sends no guild_id there). */
export function messageJson(message: StoredMessage, guildId: string | undefined, applicationId: string): Json {
  return {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    ...(guildId ? { guild_id: guildId } : {}),
    author: userJson(message.author),
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
    ...(message.webhookId ? { webhook_id: message.webhookId, application_id: applicationId } : {}),
    ...(message.replyTo ? { message_reference: { type: 0, message_id: message.replyTo, channel_id: message.channelId, ...(guildId ? { guild_id: guildId } : {}) } } : {}),
    ...(message.threadId ? { thread: { id: message.threadId } } : {}),
  };
}

export function roleJson(id: string, name: string, permissions: bigint, position: number): Json {
  return { id, name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position, permissions: permissions.toString(), managed: false, mentionable: false, flags: 0 };
}
