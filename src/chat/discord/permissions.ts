import { type Interaction, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * Subscribing a channel changes what everyone in it receives, so it takes Manage Channels
 * (Administrator implies it) or the configured admin role.
 */
export function canManageSubscriptions(interaction: Interaction, adminRoleId: string | undefined): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) return true;
  if (!adminRoleId || !interaction.member) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(adminRoleId) : roles.cache.has(adminRoleId);
}

/** What the bot needs in a channel to post digests and answer in their threads. */
const DELIVERY_PERMISSIONS = {
  'View Channel': PermissionFlagsBits.ViewChannel,
  'Send Messages': PermissionFlagsBits.SendMessages,
  'Embed Links': PermissionFlagsBits.EmbedLinks,
  'Create Public Threads': PermissionFlagsBits.CreatePublicThreads,
  'Send Messages in Threads': PermissionFlagsBits.SendMessagesInThreads,
  'Read Message History': PermissionFlagsBits.ReadMessageHistory,
} as const;

/** Names of the delivery permissions the bot lacks in the interaction's channel (from `app_permissions`). */
export function missingDeliveryPermissions(appPermissions: Readonly<PermissionsBitField> | null): string[] {
  if (!appPermissions) return [];
  return Object.entries(DELIVERY_PERMISSIONS)
    .filter(([, bit]) => !appPermissions.has(bit))
    .map(([name]) => name);
}

/** The permission integer for the invite link (scopes bot + applications.commands). */
export const INVITE_PERMISSIONS = new PermissionsBitField(Object.values(DELIVERY_PERMISSIONS)).bitfield;
