/**
 * Discord protocol constants, written out from Discord's documentation rather than taken from
 * discord.js, so the peer checks the client instead of agreeing with it by construction.
 */
export const API_VERSION = '10';
export const DISCORD_EPOCH = 1420070400000n;

/** Permission bits (https://discord.com/developers/docs/topics/permissions). */
export const P = {
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Gateway intents (https://discord.com/developers/docs/events/gateway#gateway-intents). */
export const INTENT = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  MessageContent: 1 << 15,
} as const;

export const PRIVILEGED_INTENTS = INTENT.MessageContent | (1 << 1) | (1 << 8);

export const OP = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export const CHANNEL_TYPE = { GuildText: 0, DM: 1, PublicThread: 11 } as const;

export const INTERACTION_TYPE = { ApplicationCommand: 2, MessageComponent: 3 } as const;

/** Interaction callback types. */
export const CALLBACK = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
} as const;

export const MESSAGE_FLAG = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

/** JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). */
export const ERR = {
  UnknownChannel: 10003,
  UnknownUser: 10013,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  AlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  CannotSendEmpty: 50006,
  CannotSendToUser: 50007,
  MissingPermissions: 50013,
  InvalidWebhookToken: 50027,
  InvalidFormBody: 50035,
  ThreadAlreadyCreated: 160004,
} as const;

/** Message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMIT = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  nonce: 25,
  threadName: 100,
} as const;

export const INTERACTION_ACK_MS = 3_000;
export const INTERACTION_TOKEN_MS = 15 * 60_000;
