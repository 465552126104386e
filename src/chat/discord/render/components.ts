import { type APIActionRowComponent, type APIButtonComponentWithCustomId, ButtonStyle, ComponentType } from 'discord.js';
import { DISCORD_LIMITS as L } from './limits.ts';
import { truncate } from './text.ts';

/** Custom ids of summit's buttons; the story comes from the message's thread or channel. */
export const BUTTON_PREFIX = 'summit:';
export const ALL_TOPICS_ID = 'summit:all';
export const SOURCES_ID = 'summit:sources';
export const topicButtonId = (topicId: string) => `summit:topic:${topicId}`;

export type SummitButton = { kind: 'topic'; topicId?: string } | { kind: 'sources' };

export function parseButtonId(customId: string): SummitButton | undefined {
  if (customId === ALL_TOPICS_ID) return { kind: 'topic' };
  if (customId === SOURCES_ID) return { kind: 'sources' };
  if (customId.startsWith('summit:topic:')) return { kind: 'topic', topicId: customId.slice('summit:topic:'.length) };
  return undefined;
}

/**
 * Buttons under a briefing: one per topic (the shown one highlighted), "All topics" and
 * "Sources", in rows of five; topics beyond what five rows hold are reachable with the command.
 */
export function briefingButtons(topics: { id: string; label: string }[], current?: string): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const room = L.actionRows * L.buttonsPerRow - 2;
  const buttons: APIButtonComponentWithCustomId[] = topics
    .filter((t) => topicButtonId(t.id).length <= L.customId)
    .slice(0, room)
    .map((t) => ({
      type: ComponentType.Button,
      style: t.id === current ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: truncate(t.label, L.buttonLabel),
      custom_id: topicButtonId(t.id),
    }));
  buttons.push(
    { type: ComponentType.Button, style: current ? ButtonStyle.Secondary : ButtonStyle.Primary, label: 'All topics', custom_id: ALL_TOPICS_ID },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Sources', custom_id: SOURCES_ID },
  );
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += L.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + L.buttonsPerRow) });
  }
  return rows;
}
