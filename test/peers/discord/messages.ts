import { ERR, INTENT, MESSAGE_FLAG } from './constants.ts';
import { ApiError, invalidForm } from './errors.ts';
import { messageJson, memberJson } from './payloads.ts';
import type { DiscordPeer } from './peer.ts';
import type { Json, PeerUser, StoredMessage } from './state.ts';
import { validateMessageBody } from './validate-message.ts';
import type { AllowedMentions } from './wire.ts';

type Body = Json & { content?: string; embeds?: Json[]; components?: Json[]; allowed_mentions?: AllowedMentions; flags?: number };

/**
 * Validates a message body like Discord (400 Invalid Form Body) and records a problem when it
 * does not say `allowed_mentions: { parse: [] }` — summit's rule for everything the bot posts.
 */
export function checkMessageBody(peer: DiscordPeer, route: string, body: unknown): Body {
  const problems = validateMessageBody(body);
  if (problems.length > 0) {
    peer.problem(`${route}: Discord would reject the body: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
    throw invalidForm(problems);
  }
  const am = (body as Body).allowed_mentions;
  const parsesNothing = am !== undefined && Array.isArray(am.parse) && am.parse.length === 0 && !am.users?.length && !am.roles?.length && am.replied_user !== true;
  if (!parsesNothing) peer.problem(`${route}: allowed_mentions must parse nothing, got ${JSON.stringify(am)}`);
  return body as Body;
}

function assertNotEmpty(message: Pick<StoredMessage, 'content' | 'embeds' | 'components'>) {
  if (message.content === '' && message.embeds.length === 0 && message.components.length === 0) {
    throw new ApiError(400, ERR.CannotSendEmpty, 'Cannot send an empty message');
  }
}

export interface NewMessage {
  channelId: string;
  author: PeerUser;
  body: Body;
  type?: number;
  interactionId?: string;
  webhook?: boolean;
  replyTo?: string;
  /** Deferred "thinking" replies are empty until edited. */
  loading?: boolean;
}

export function createMessage(peer: DiscordPeer, init: NewMessage): StoredMessage {
  const message: StoredMessage = {
    id: peer.nextId(),
    channelId: init.channelId,
    author: init.author,
    type: init.type ?? (init.replyTo ? 19 : 0),
    content: init.body.content ?? '',
    embeds: init.body.embeds ?? [],
    components: init.body.components ?? [],
    flags: ((init.body.flags ?? 0) & MESSAGE_FLAG.Ephemeral) | (init.loading ? MESSAGE_FLAG.Loading : 0),
    allowedMentions: init.body.allowed_mentions,
    ...(init.body.nonce !== undefined ? { nonce: init.body.nonce as string } : {}),
    ...(init.replyTo ? { replyTo: init.replyTo } : {}),
    ...(init.interactionId ? { interactionId: init.interactionId } : {}),
    ...(init.webhook ? { webhookId: peer.applicationId } : {}),
    createdAt: peer.now(),
    history: [],
  };
  if (!init.loading) assertNotEmpty(message);
  message.history.push(snapshot(message));
  peer.messages.set(message.id, message);
  if (!(message.flags & MESSAGE_FLAG.Ephemeral)) dispatchMessage(peer, 'MESSAGE_CREATE', message);
  return message;
}

/** PATCH semantics: fields present replace, absent ones stay. */
export function editMessage(peer: DiscordPeer, message: StoredMessage, body: Body): StoredMessage {
  const next = {
    content: body.content ?? message.content,
    embeds: body.embeds ?? message.embeds,
    components: body.components ?? message.components,
  };
  assertNotEmpty(next);
  Object.assign(message, next, { allowedMentions: body.allowed_mentions, editedAt: peer.now(), flags: message.flags & ~MESSAGE_FLAG.Loading });
  message.history.push(snapshot(message));
  if (!(message.flags & MESSAGE_FLAG.Ephemeral)) dispatchMessage(peer, 'MESSAGE_UPDATE', message);
  return message;
}

function snapshot(m: StoredMessage) {
  return { content: m.content, embeds: m.embeds, components: m.components, allowedMentions: m.allowedMentions };
}

/**
 * Gateway event for a message. Without the Message Content intent, Discord blanks content,
 * embeds and components of other users' messages unless they mention the bot.
 */
export function dispatchMessage(peer: DiscordPeer, t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: StoredMessage, mentions: PeerUser[] = []) {
  const full = messageJson(message, peer.guildId, peer.applicationId);
  const withMentions = {
    ...full,
    mentions: mentions.map((u) => ({ ...(full.author as Json), id: u.id, username: u.username, bot: u.bot, member: memberJson(u, [], peer.now()) })),
    member: memberJson(message.author, [], peer.now()),
  };
  peer.gateway.dispatch(
    t,
    (session) => {
      const visible = (session.intents & INTENT.MessageContent) !== 0 || message.author.id === peer.botUser.id || mentions.some((u) => u.id === peer.botUser.id);
      return visible ? withMentions : { ...withMentions, content: '', embeds: [], components: [], attachments: [] };
    },
    INTENT.GuildMessages,
  );
}
