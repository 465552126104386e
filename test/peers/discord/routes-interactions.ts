import { CALLBACK, ERR, INTERACTION_ACK_MS, INTERACTION_TOKEN_MS, INTERACTION_TYPE, MESSAGE_FLAG } from './constants.ts';
import { ApiError, invalidForm, unknownMessage } from './errors.ts';
import { checkMessageBody, createMessage, editMessage } from './messages.ts';
import { messageJson } from './payloads.ts';
import type { DiscordPeer } from './peer.ts';
import type { RouteHandler } from './routes.ts';
import type { Json, PeerInteraction } from './state.ts';

/** POST /interactions/:id/:token/callback — the one initial response, within 3 seconds. */
export const interactionCallback: RouteHandler = (peer, { params, body, query, route }) => {
  const interaction = peer.interactions.get(params.id as string);
  if (!interaction || interaction.token !== params.token) throw new ApiError(404, ERR.UnknownInteraction, 'Unknown interaction');
  if (interaction.callbackType !== undefined) throw new ApiError(400, ERR.AlreadyAcknowledged, 'Interaction has already been acknowledged.');
  if (peer.now() - interaction.dispatchedAt > INTERACTION_ACK_MS) {
    peer.problem(`interaction ${interaction.name} acknowledged after ${peer.now() - interaction.dispatchedAt} ms (limit 3 s)`);
    throw new ApiError(404, ERR.UnknownInteraction, 'Unknown interaction');
  }
  const { type, data } = (body ?? {}) as { type?: number; data?: Json };
  const isComponent = interaction.type === INTERACTION_TYPE.MessageComponent;
  const allowed = isComponent ? [4, 5, 6, 7] : [4, 5];
  if (!allowed.includes(type as number)) throw invalidForm([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of (${allowed.join(', ')}).` }]);
  const author = peer.botUser;
  const messageType = isComponent ? 0 : 20;
  switch (type) {
    case CALLBACK.ChannelMessageWithSource: {
      const message = createMessage(peer, { channelId: interaction.channelId, author, body: checkMessageBody(peer, route, data), type: messageType, interactionId: interaction.id, webhook: true });
      interaction.originalId = message.id;
      break;
    }
    case CALLBACK.DeferredChannelMessageWithSource: {
      const flags = Number((data as Json | undefined)?.flags ?? 0) & MESSAGE_FLAG.Ephemeral;
      const message = createMessage(peer, { channelId: interaction.channelId, author, body: { flags }, type: messageType, interactionId: interaction.id, webhook: true, loading: true });
      interaction.originalId = message.id;
      break;
    }
    case CALLBACK.DeferredUpdateMessage:
      interaction.originalId = interaction.messageId;
      break;
    case CALLBACK.UpdateMessage: {
      const target = peer.messages.get(interaction.messageId ?? '');
      if (!target) throw unknownMessage();
      editMessage(peer, target, checkMessageBody(peer, route, data));
      interaction.originalId = interaction.messageId;
      break;
    }
  }
  interaction.callbackType = type;
  interaction.callbackAt = peer.now();
  if (query.get('with_response') !== 'true') return { status: 204 };
  const original = interaction.originalId ? peer.messages.get(interaction.originalId) : undefined;
  return {
    status: 200,
    body: {
      interaction: { id: interaction.id, type: interaction.type, response_message_id: original?.id, response_message_loading: type === 5, response_message_ephemeral: Boolean((original?.flags ?? 0) & MESSAGE_FLAG.Ephemeral) },
      ...(original ? { resource: { type, message: messageJson(original, peer.guildId, peer.applicationId) } } : {}),
    },
  };
};

/** The interaction behind a webhook token: only after the initial response, and for 15 minutes. */
function interactionForWebhook(peer: DiscordPeer, app: string, token: string): PeerInteraction {
  if (app !== peer.applicationId) throw new ApiError(404, ERR.UnknownWebhook, 'Unknown Webhook');
  const interaction = [...peer.interactions.values()].find((i) => i.token === token);
  if (!interaction || peer.now() - interaction.dispatchedAt > INTERACTION_TOKEN_MS) throw new ApiError(401, ERR.InvalidWebhookToken, 'Invalid Webhook Token');
  if (interaction.callbackType === undefined) throw new ApiError(404, ERR.UnknownWebhook, 'Unknown Webhook');
  return interaction;
}

/** PATCH /webhooks/:app/:token/messages/@original (or a follow-up's id). */
export const editWebhookMessage: RouteHandler = (peer, { params, body, route }) => {
  const interaction = interactionForWebhook(peer, params.app as string, params.token as string);
  const id = params.message === '@original' ? interaction.originalId : params.message;
  if (!id || (id !== interaction.originalId && !interaction.followUpIds.includes(id))) throw unknownMessage();
  const message = peer.messages.get(id);
  if (!message) throw unknownMessage();
  editMessage(peer, message, checkMessageBody(peer, route, body));
  return { status: 200, body: messageJson(message, peer.guildId, peer.applicationId) };
};

/** POST /webhooks/:app/:token — a follow-up message. */
export const executeWebhook: RouteHandler = (peer, { params, body, query, route }) => {
  const interaction = interactionForWebhook(peer, params.app as string, params.token as string);
  const original = interaction.originalId ? peer.messages.get(interaction.originalId) : undefined;
  if (original && original.flags & MESSAGE_FLAG.Loading) peer.problem(`follow-up for ${interaction.name} sent while the deferred reply is still loading`);
  const message = createMessage(peer, { channelId: interaction.channelId, author: peer.botUser, body: checkMessageBody(peer, route, body), interactionId: interaction.id, webhook: true });
  interaction.followUpIds.push(message.id);
  return query.get('wait') === 'true' ? { status: 200, body: messageJson(message, peer.guildId, peer.applicationId) } : { status: 204 };
};
