import { randomBytes } from 'node:crypto';
import { INTERACTION_TYPE } from './constants.ts';
import { dispatchMessage } from './messages.ts';
import { channelJson, memberJson, messageJson } from './payloads.ts';
import type { DiscordPeer } from './peer.ts';
import { type Json, MEMBER_PERMISSIONS, type PeerInteraction, type PeerUser, type StoredMessage } from './state.ts';

export interface Actor {
  user?: PeerUser;
  roles?: string[];
  /** The member's permissions in the channel; default an ordinary member's. */
  permissions?: bigint;
  channelId?: string;
  /** Another guild the same bot serves (the interaction claims it; the channel stays the peer's). */
  guildId?: string;
}

function dispatchInteraction(
  peer: DiscordPeer,
  init: Omit<PeerInteraction, 'id' | 'token' | 'dispatchedAt' | 'followUpIds'>,
  data: Json,
  extra: Json = {},
  guildId = peer.guildId,
): PeerInteraction {
  const interaction: PeerInteraction = { ...init, id: peer.nextId(), token: `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`, dispatchedAt: peer.now(), followUpIds: [] };
  peer.interactions.set(interaction.id, interaction);
  const channel = peer.channels.get(interaction.channelId);
  if (!channel) throw new Error(`no channel ${interaction.channelId}`);
  interaction.payload = {
    id: interaction.id,
    application_id: peer.applicationId,
    type: interaction.type,
    token: interaction.token,
    version: 1,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: { ...channelJson(channel, guildId), permissions: interaction.memberPermissions.toString() },
    member: memberJson(interaction.user, interaction.roles, peer.now(), interaction.memberPermissions),
    app_permissions: channel.botPermissions.toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { 0: guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
    data,
    ...extra,
  };
  const sent = peer.gateway.dispatch('INTERACTION_CREATE', interaction.payload);
  if (sent === 0) throw new Error('no identified gateway session to deliver the interaction to');
  peer.changed();
  return interaction;
}

/** Dispatches the same INTERACTION_CREATE again, as Discord may after a gateway resume. */
export function replayInteraction(peer: DiscordPeer, interaction: PeerInteraction) {
  peer.gateway.dispatch('INTERACTION_CREATE', interaction.payload as Json);
  peer.changed();
}

/**
 * A member runs `/summit <subcommand> [options]` (or `/summit <group> <subcommand>`, e.g.
 * "source add"). Like Discord's client, it refuses commands that were not deployed and options
 * the deployed command does not define.
 */
export function runCommand(peer: DiscordPeer, subcommand: string, options: Record<string, string> = {}, actor: Actor = {}): PeerInteraction {
  const command = peer.commands.find((c) => c.json.name === 'summit' && (!c.guildId || c.guildId === peer.guildId));
  if (!command) throw new Error('/summit is not deployed to the peer');
  const [group, subName = ''] = subcommand.includes(' ') ? subcommand.split(' ') : [undefined, subcommand];
  const top = (command.json.options as Json[] | undefined) ?? [];
  const siblings = group === undefined ? top : ((top.find((o) => o.name === group && o.type === 2)?.options as Json[] | undefined) ?? []);
  const sub = siblings.find((o) => o.name === subName && o.type === 1);
  if (!sub) throw new Error(`/summit has no subcommand ${subcommand}`);
  const defined = (sub.options as Json[] | undefined) ?? [];
  for (const [name, value] of Object.entries(options)) {
    const option = defined.find((o) => o.name === name);
    if (!option) throw new Error(`/summit ${subcommand} has no option ${name}`);
    const choices = option.choices as Json[] | undefined;
    if (choices && !choices.some((c) => c.value === value)) throw new Error(`${value} is not a choice of ${name}`);
    if (typeof option.max_length === 'number' && value.length > option.max_length) throw new Error(`${name} longer than ${option.max_length}`);
  }
  for (const option of defined) if (option.required && !(String(option.name) in options)) throw new Error(`missing required option ${option.name}`);
  const channelId = actor.channelId ?? peer.channelId;
  return dispatchInteraction(
    peer,
    { type: INTERACTION_TYPE.ApplicationCommand, channelId, user: actor.user ?? peer.users.member, roles: actor.roles ?? [], memberPermissions: actor.permissions ?? MEMBER_PERMISSIONS, name: `summit ${subcommand}` },
    {
      id: command.id,
      name: 'summit',
      type: 1,
      ...(command.guildId ? { guild_id: command.guildId } : {}),
      options: [
        group === undefined
          ? { type: 1, name: subName, options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })) }
          : { type: 2, name: group, options: [{ type: 1, name: subName, options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })) }] },
      ],
    },
    {},
    actor.guildId,
  );
}

/** A member clicks a button on one of the application's messages. */
export function clickButton(peer: DiscordPeer, messageId: string, customId: string, actor: Actor = {}): PeerInteraction {
  const message = peer.messages.get(messageId);
  if (!message || message.author.id !== peer.botUser.id) throw new Error(`no message ${messageId} from the app`);
  const hasButton = message.components.some((row) => ((row.components as Json[]) ?? []).some((b) => b.custom_id === customId));
  if (!hasButton) throw new Error(`message ${messageId} has no button ${customId}`);
  return dispatchInteraction(
    peer,
    { type: INTERACTION_TYPE.MessageComponent, channelId: message.channelId, user: actor.user ?? peer.users.member, roles: actor.roles ?? [], memberPermissions: actor.permissions ?? MEMBER_PERMISSIONS, messageId, name: `button ${customId}` },
    { custom_id: customId, component_type: 2 },
    { message: messageJson(message, peer.guildId, peer.applicationId) },
  );
}

/** Someone writes in a channel or thread; `<@id>` in the content mentions that user. */
export function postUserMessage(peer: DiscordPeer, channelId: string, content: string, author: PeerUser = peer.users.member): StoredMessage {
  const channel = peer.channels.get(channelId);
  if (!channel) throw new Error(`no channel ${channelId}`);
  const message: StoredMessage = {
    id: peer.nextId(),
    channelId,
    author,
    type: 0,
    content,
    embeds: [],
    components: [],
    flags: 0,
    allowedMentions: undefined,
    createdAt: peer.now(),
    history: [],
  };
  peer.messages.set(message.id, message);
  const everyone = [peer.botUser, peer.users.admin, peer.users.member, peer.users.otherBot];
  const mentioned = everyone.filter((u) => content.includes(`<@${u.id}>`) || content.includes(`<@!${u.id}>`));
  dispatchMessage(peer, 'MESSAGE_CREATE', message, mentioned);
  peer.changed();
  return message;
}

/** The bot's reply to a user's message (a message referencing it), once posted. */
export function replyTo(peer: DiscordPeer, messageId: string): StoredMessage | undefined {
  return [...peer.messages.values()].find((m) => m.replyTo === messageId && m.author.id === peer.botUser.id);
}
