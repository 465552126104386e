import { OVERVIEW_SECTION_ID } from '../core/overview.ts';
import type { Briefing, TopicBriefing } from '../core/types.ts';

/**
 * The heading of a briefing's overview in every renderer: the top developments that no topic
 * section carries, shown before the topics.
 */
export const OVERVIEW_TITLE = 'Also making news';

/**
 * The sections a renderer shows, in order: the overview (when it has points) as a section like a
 * topic's, then the topics; disagreements about overview points are placed under it.
 */
export function briefingSections(briefing: Pick<Briefing, 'overview' | 'topics'>): TopicBriefing[] {
  const points = briefing.overview?.points ?? [];
  return points.length > 0 ? [{ id: OVERVIEW_SECTION_ID, label: OVERVIEW_TITLE, points }, ...briefing.topics] : briefing.topics;
}
