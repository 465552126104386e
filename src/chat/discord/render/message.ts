import type { APIActionRowComponent, APIAllowedMentions, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** One Discord message as summit renders it, in the API's JSON shape. */
export interface MessageBody {
  content: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/**
 * Nothing in summit's messages may notify anyone: article text can contain `@everyone` or
 * role mentions. Sent explicitly on every message (the client-wide default covers the rest).
 */
export const NO_MENTIONS = { parse: [] } as const satisfies APIAllowedMentions;

/** discord.js message options for an interaction reply, edit or follow-up. */
export function replyOptions(body: MessageBody) {
  return {
    content: body.content,
    embeds: body.embeds,
    components: body.components ?? [],
    allowedMentions: { parse: [] },
  };
}
