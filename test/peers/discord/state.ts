import { CHANNEL_TYPE, P } from './constants.ts';
import type { AllowedMentions } from './wire.ts';

export type Json = Record<string, unknown>;

export interface PeerUser {
  id: string;
  username: string;
  bot: boolean;
}

export interface PeerChannel {
  id: string;
  name: string;
  type: number;
  /** For threads: the channel they belong to; the thread id equals the starter message id. */
  parentId?: string;
  ownerId?: string;
  autoArchiveDuration?: number;
  /** For DMs: the person the bot talks to. */
  recipientId?: string;
  /** The bot's permissions in this channel (what Discord computes from roles and overwrites). */
  botPermissions: bigint;
  createdAt: number;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  author: PeerUser;
  type: number;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
  /** As sent; undefined when the request had no allowed_mentions. */
  allowedMentions: AllowedMentions | undefined;
  nonce?: string | number;
  replyTo?: string;
  /** The application's interaction message (reply or follow-up) for this interaction id. */
  interactionId?: string;
  webhookId?: string;
  createdAt: number;
  editedAt?: number;
  /** Id of the thread started from this message. */
  threadId?: string;
  /** Every version the message had (create, then each edit), as sent on the wire. */
  history: { content: string; embeds: Json[]; components: Json[]; allowedMentions: AllowedMentions | undefined }[];
}

export interface PeerInteraction {
  id: string;
  token: string;
  type: number;
  channelId: string;
  user: PeerUser;
  roles: string[];
  memberPermissions: bigint;
  dispatchedAt: number;
  /** The component's message (buttons). */
  messageId?: string;
  name: string;
  callbackType?: number;
  callbackAt?: number;
  /** @original: the reply (commands) or the component's message (buttons). */
  originalId?: string;
  followUpIds: string[];
  /** The INTERACTION_CREATE payload as dispatched (to replay it, as a gateway resume can). */
  payload?: Json;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** Route template with ids replaced, e.g. `POST /channels/:id/messages`. */
  route: string;
  status: number;
  at: number;
  body: unknown;
}

export interface RegisteredCommand {
  id: string;
  guildId?: string;
  json: Json;
}

/** Everything the bot needs in a channel, as a server owner following the README grants it. */
export const FULL_BOT_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.EmbedLinks | P.ReadMessageHistory | P.CreatePublicThreads | P.SendMessagesInThreads | P.UseApplicationCommands;

export const MEMBER_PERMISSIONS = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.UseApplicationCommands | P.SendMessagesInThreads;

export function newChannel(id: string, name: string, createdAt: number, botPermissions = FULL_BOT_PERMISSIONS): PeerChannel {
  return { id, name, type: CHANNEL_TYPE.GuildText, botPermissions, createdAt };
}
