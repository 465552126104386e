import { OVERVIEW_SECTION_ID } from './overview.ts';
import type { Briefing, Disagreement, SentenceRef } from './types.ts';

const key = (ref: SentenceRef) => `${ref.articleId}\u0000${ref.sentenceId}`;

/**
 * Gives each disagreement the topics of the claims it is about: a claim belongs to the topics
 * whose points state it (the briefing's own topic assignment), and a disagreement is about the
 * claims its cited sentences are members of. Topics keep the briefing's order; a disagreement
 * about no briefed claim gets none; one about an overview point is placed there ("overview"). A
 * one-topic brief keeps only that topic's disagreements.
 */
export function withDisagreementTopics(
  briefing: Briefing,
  claims: readonly { id: string; members: readonly SentenceRef[] }[],
  narrowedTo?: string,
): Briefing {
  const claimsOf = new Map<string, string[]>();
  for (const claim of claims) {
    for (const m of claim.members) claimsOf.set(key(m), [...(claimsOf.get(key(m)) ?? []), claim.id]);
  }
  const topicsOfClaim = new Map<string, Set<string>>();
  const sections = [
    ...(briefing.overview ? [{ id: OVERVIEW_SECTION_ID, points: briefing.overview.points }] : []),
    ...briefing.topics,
  ];
  for (const topic of sections) {
    for (const point of topic.points) {
      // A point's claim, and (for written points citing several claims) the claims of its citations.
      for (const id of [point.claimId, ...point.citations.flatMap((c) => claimsOf.get(key(c)) ?? [])]) {
        const set = topicsOfClaim.get(id) ?? new Set<string>();
        set.add(topic.id);
        topicsOfClaim.set(id, set);
      }
    }
  }
  const disagreements: Disagreement[] = briefing.disagreements.map((d) => {
    const topics = new Set(d.citations.flatMap((c) => claimsOf.get(key(c)) ?? []).flatMap((id) => [...(topicsOfClaim.get(id) ?? [])]));
    return { ...d, topicIds: sections.map((t) => t.id).filter((id) => topics.has(id)) };
  });
  return { ...briefing, disagreements: narrowedTo ? disagreements.filter((d) => d.topicIds.includes(narrowedTo)) : disagreements };
}
