import type { Disagreement } from '../core/types.ts';

export interface DisagreementSections {
  /** The disagreements shown under each topic, by topic id (a disagreement may be under several). */
  byTopic: Map<string, Disagreement[]>;
  /** Those under none of the shown topics: a section of their own after the topics. */
  rest: Disagreement[];
  /** The heading of `rest`: plain when it is the only one, else says it is what the topics left. */
  restTitle: string;
}

/**
 * Places each disagreement under the shown topics it is about (`topicIds`), so a reader meets it
 * beside the points it qualifies; what fits none of them comes after the topics. Every renderer
 * (terminal, Slack, Discord, web) places them the same way.
 */
export function disagreementSections(topics: readonly { id: string }[], disagreements: readonly Disagreement[], restBase = 'Sources differ'): DisagreementSections {
  const shown = new Set(topics.map((t) => t.id));
  const byTopic = new Map<string, Disagreement[]>();
  const rest: Disagreement[] = [];
  for (const d of disagreements) {
    // Briefings cached before disagreements had topics carry none: they go to the general section.
    const placed = (d.topicIds ?? []).filter((id) => shown.has(id));
    if (placed.length === 0) rest.push(d);
    for (const id of placed) byTopic.set(id, [...(byTopic.get(id) ?? []), d]);
  }
  return { byTopic, rest, restTitle: byTopic.size > 0 ? 'Sources differ on other points' : restBase };
}
