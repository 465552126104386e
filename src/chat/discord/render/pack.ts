import { plural } from '../../../render/counts.ts';
import type { APIEmbed } from 'discord.js';
import { DISCORD_LIMITS as L } from './limits.ts';
import { maskedLink } from './links.ts';
import { truncate } from './text.ts';

export interface PackOptions {
  /** At most this many messages; what does not fit is left out with a note. */
  maxMessages: number;
  footer: { text: string; timestamp?: string };
  /** The full briefing page, linked from the note when something was left out. */
  fullUrl?: string;
  /** What readers can do instead when there is no full briefing to link. */
  hint?: string;
}

/** Characters Discord counts towards the 6,000 across a message's embeds. */
export function embedChars(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

const total = (embeds: APIEmbed[]) => embeds.reduce((n, e) => n + embedChars(e), 0);

/**
 * Lays embeds out over as few messages as Discord allows: descriptions over 4,096 characters
 * are split at line breaks into continuation embeds, messages hold ≤ 10 embeds and ≤ 6,000
 * characters, and beyond `maxMessages` the rest is replaced by a note (with a link to the full
 * briefing when there is one) — so nothing is ever rejected by Discord.
 */
export function packEmbeds(embeds: APIEmbed[], options: PackOptions): APIEmbed[][] {
  const footerText = truncate(options.footer.text, L.footer);
  const budget = L.embedTotal - footerText.length;
  const messages: APIEmbed[][] = [];
  for (const embed of embeds.flatMap(splitLongEmbed)) {
    const current = messages.at(-1);
    if (current && current.length < L.embedsPerMessage && total(current) + embedChars(embed) <= budget) {
      current.push(embed);
    } else {
      messages.push([embed]);
    }
  }
  if (messages.length === 0) messages.push([{ description: '\u200b' }]);
  const kept = messages.slice(0, Math.max(1, options.maxMessages));
  let omitted = messages.slice(kept.length).reduce((n, m) => n + m.length, 0);
  if (omitted > 0) {
    const last = kept.at(-1) as APIEmbed[];
    let note = shortenedNote(omitted, options);
    while (last.length > 1 && (last.length >= L.embedsPerMessage || total(last) + embedChars(note) > budget)) {
      last.pop();
      note = shortenedNote(++omitted, options);
    }
    last.push(note);
  }
  return kept.map((message) =>
    message.map((embed, i) =>
      i === message.length - 1
        ? { ...embed, footer: { text: footerText }, ...(options.footer.timestamp ? { timestamp: options.footer.timestamp } : {}) }
        : embed,
    ),
  );
}

function splitLongEmbed(embed: APIEmbed): APIEmbed[] {
  const title = embed.title === undefined ? undefined : truncate(embed.title, L.title);
  const description = embed.description ?? '';
  if (description.length <= L.description) return [{ ...embed, ...(title === undefined ? {} : { title }) }];
  const chunks: string[] = [];
  let current = '';
  for (const line of description.split('\n').map((l) => truncate(l, L.description))) {
    if (current && current.length + 1 + line.length > L.description) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  chunks.push(current);
  return chunks.map((chunk, i) => ({
    ...embed,
    ...(title === undefined ? {} : { title: i === 0 ? title : truncate(`${title} (continued)`, L.title) }),
    description: chunk,
  }));
}

function shortenedNote(omitted: number, options: PackOptions): APIEmbed {
  const rest = plural(omitted, 'more section');
  return {
    description: options.fullUrl
      ? `Shortened to fit Discord's limits: ${rest} in the ${maskedLink('full briefing', options.fullUrl)}.`
      : `Shortened to fit Discord's limits: ${rest} left out.${options.hint ? ` ${options.hint}` : ''}`,
  };
}
