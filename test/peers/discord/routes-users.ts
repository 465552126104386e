import { CHANNEL_TYPE, ERR, P } from './constants.ts';
import { ApiError, invalidForm } from './errors.ts';
import { channelJson } from './payloads.ts';
import type { RouteHandler } from './routes.ts';
import type { PeerChannel } from './state.ts';

/**
 * POST /users/@me/channels — opens (or returns the existing) DM channel with `recipient_id`, as
 * Discord does: the same channel every time for the same person, no gateway event. Whether a
 * message may be sent there is decided when it is sent (50007 for closed DMs).
 */
export const createDm: RouteHandler = (peer, { body }) => {
  const recipientId = (body as { recipient_id?: unknown } | null)?.recipient_id;
  if (typeof recipientId !== 'string') {
    throw invalidForm([{ path: ['recipient_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
  }
  const recipient = peer.users.byId(recipientId);
  if (!recipient) throw new ApiError(404, ERR.UnknownUser, 'Unknown User');
  let channel = [...peer.channels.values()].find((c) => c.type === CHANNEL_TYPE.DM && c.recipientId === recipientId);
  if (!channel) {
    channel = {
      id: peer.nextId(),
      name: '',
      type: CHANNEL_TYPE.DM,
      recipientId,
      botPermissions: P.ViewChannel | P.SendMessages | P.EmbedLinks,
      createdAt: peer.now(),
    } satisfies PeerChannel;
    peer.channels.set(channel.id, channel);
  }
  return { status: 200, body: channelJson(channel, peer.guildId, recipient) };
};
