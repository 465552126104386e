/**
 * Discord's documented message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * Lengths here are UTF-16 units, which is never less than what Discord counts.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer text and author name across all embeds. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  threadName: 100,
  nonce: 25,
} as const;
