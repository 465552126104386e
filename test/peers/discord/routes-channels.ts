import { CHANNEL_TYPE, ERR, INTENT, LIMIT, P } from './constants.ts';
import { ApiError, invalidForm, missingAccess, missingPermissions, unknownChannel, unknownMessage } from './errors.ts';
import { checkMessageBody, createMessage } from './messages.ts';
import { channelJson, messageJson } from './payloads.ts';
import type { DiscordPeer } from './peer.ts';
import type { RouteHandler } from './routes.ts';
import type { Json, PeerChannel } from './state.ts';

/** Discord keeps nonces for "the past few minutes" when enforce_nonce is set. */
const NONCE_WINDOW_MS = 5 * 60_000;

function channelFor(peer: DiscordPeer, id: string, needs: bigint): PeerChannel {
  const channel = peer.channels.get(id);
  if (!channel) throw unknownChannel();
  if (!(channel.botPermissions & P.ViewChannel)) throw missingAccess();
  if ((channel.botPermissions & needs) !== needs) throw missingPermissions();
  return channel;
}

/** POST /channels/:channel/messages */
export const createChannelMessage: RouteHandler = (peer, { params, body, route }) => {
  const existing = peer.channels.get(params.channel as string);
  const isThread = existing?.type === CHANNEL_TYPE.PublicThread;
  const channel = channelFor(peer, params.channel as string, (isThread ? P.SendMessagesInThreads : P.SendMessages) | P.ViewChannel);
  const isDm = channel.type === CHANNEL_TYPE.DM;
  if (isDm && peer.users.closedDms.has(channel.recipientId ?? '')) throw new ApiError(403, ERR.CannotSendToUser, 'Cannot send messages to this user');
  const guildId = isDm ? undefined : peer.guildId;
  const checked = checkMessageBody(peer, route, body);
  if (checked.enforce_nonce === true && checked.nonce !== undefined) {
    const earlier = [...peer.messages.values()].find(
      (m) => m.author.id === peer.botUser.id && m.nonce === checked.nonce && peer.now() - m.createdAt < NONCE_WINDOW_MS,
    );
    if (earlier) return { status: 200, body: messageJson(earlier, guildId, peer.applicationId) };
  }
  const reference = checked.message_reference as Json | undefined;
  let replyTo: string | undefined;
  if (reference) {
    const target = peer.messages.get(String(reference.message_id));
    if (target && target.channelId === channel.id) replyTo = target.id;
    else if (reference.fail_if_not_exists !== false) {
      throw invalidForm([{ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }]);
    }
  }
  const message = createMessage(peer, { channelId: channel.id, author: peer.botUser, body: checked, ...(replyTo ? { replyTo } : {}) });
  return { status: 200, body: messageJson(message, guildId, peer.applicationId) };
};

/** POST /channels/:channel/messages/:message/threads — a public thread whose id is the message's. */
export const startThreadFromMessage: RouteHandler = (peer, { params, body }) => {
  const parent = channelFor(peer, params.channel as string, P.CreatePublicThreads);
  if (parent.type !== CHANNEL_TYPE.GuildText) throw new ApiError(400, 50024, 'Cannot execute action on this channel type');
  const message = peer.messages.get(params.message as string);
  if (!message || message.channelId !== parent.id) throw unknownMessage();
  if (message.threadId) throw new ApiError(400, ERR.ThreadAlreadyCreated, 'A thread has already been created for this message');
  const { name, auto_archive_duration: archive } = (body ?? {}) as { name?: unknown; auto_archive_duration?: unknown };
  const problems = [];
  if (typeof name !== 'string' || name.trim().length === 0 || [...name].length > LIMIT.threadName) {
    problems.push({ path: ['name'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${LIMIT.threadName} in length.` });
  }
  if (archive !== undefined && ![60, 1440, 4320, 10080].includes(archive as number)) {
    problems.push({ path: ['auto_archive_duration'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (60, 1440, 4320, 10080).' });
  }
  if (problems.length > 0) {
    peer.problem(`thread creation rejected: ${problems.map((p) => p.message).join('; ')}`);
    throw invalidForm(problems);
  }
  const thread: PeerChannel = {
    id: message.id,
    name: name as string,
    type: CHANNEL_TYPE.PublicThread,
    parentId: parent.id,
    ownerId: peer.botUser.id,
    autoArchiveDuration: (archive as number | undefined) ?? 4320,
    botPermissions: parent.botPermissions,
    createdAt: peer.now(),
  };
  peer.channels.set(thread.id, thread);
  message.threadId = thread.id;
  const json = channelJson(thread, peer.guildId);
  peer.gateway.dispatch('THREAD_CREATE', { ...json, newly_created: true }, INTENT.Guilds);
  return { status: 201, body: json };
};
