import { contentId, sentenceRef } from './ids.ts';

export { sentenceRef };
import type { DeliveredSoFar, DigestRecord } from './ports/digest-log.ts';
import type { Briefing, Digest, Disagreement, Point, TopicBriefing } from './types.ts';

/** What renderers show when a digest has nothing new. */
export const NOTHING_NEW = 'Nothing new since the last digest.';

export interface DigestInput {
  briefing: Briefing;
  briefingId?: string;
  delivered: DeliveredSoFar;
  /** The subscriber's local date (YYYY-MM-DD) the digest is for. */
  localDate: string;
  now: Date;
  /** Topic ids the channel follows; empty or absent means all. */
  topics?: string[];
}

export interface DigestResult {
  digest: Digest;
  /** What this digest adds to the channel's record once posted. */
  record: DigestRecord;
}

/**
 * Cuts a channel's digest from the full briefing: only points the channel has not been sent and
 * disagreements that are new or have changed.
 *
 * A point counts as sent when its claim id was sent, or when any sentence it cites was cited by a
 * sent point: claim ids are content hashes of their member sentences, so a claim gets a new id
 * when a new article repeats it — that is more support, not news.
 */
export function buildDigest(input: DigestInput): DigestResult {
  const { briefing, delivered } = input;
  const wanted = input.topics && input.topics.length > 0 ? new Set(input.topics) : undefined;
  const seenClaims = new Set<string>();
  const record: DigestRecord = { claimIds: [], sentenceRefs: [], disagreementSignatures: [] };

  const freshOf = (points: Point[]): Point[] => {
    const fresh = points.filter((p) => isNew(p, delivered) && !seenClaims.has(p.claimId));
    for (const point of fresh) {
      seenClaims.add(point.claimId);
      record.claimIds.push(point.claimId);
      record.sentenceRefs.push(...point.citations.map(sentenceRef));
    }
    return fresh;
  };
  // The overview's new points lead a digest of all topics; a channel following some topics gets those.
  const overview = wanted ? [] : freshOf(briefing.overview?.points ?? []);
  const topics: TopicBriefing[] = [];
  for (const topic of briefing.topics) {
    if (wanted && !wanted.has(topic.id)) continue;
    const fresh = freshOf(topic.points);
    if (fresh.length > 0) topics.push({ ...topic, points: fresh });
  }

  const disagreements: Disagreement[] = [];
  for (const d of briefing.disagreements) {
    // A channel following some topics gets only the disagreements about them, as a one-topic brief does.
    if (wanted && !(d.topicIds ?? []).some((id) => wanted.has(id))) continue;
    const signature = disagreementSignature(d);
    if (delivered.disagreementSignatures.has(signature) || record.disagreementSignatures.includes(signature)) continue;
    record.disagreementSignatures.push(signature);
    disagreements.push(d);
  }

  const citations = [...overview, ...topics.flatMap((t) => t.points)].flatMap((p) => p.citations);
  const cited = new Set([...citations, ...disagreements.flatMap((d) => d.citations)].map((c) => c.articleId));
  const digest: Digest = {
    story: briefing.story,
    ...(briefing.title ? { title: briefing.title } : {}),
    generatedAt: input.now.toISOString(),
    localDate: input.localDate,
    engine: briefing.engine,
    nothingNew: overview.length === 0 && topics.length === 0 && disagreements.length === 0,
    ...(overview.length > 0 ? { overview: { points: overview } } : {}),
    topics,
    disagreements,
    articles: briefing.articles.filter((a) => cited.has(a.id)),
    ...(input.briefingId ? { briefingId: input.briefingId } : {}),
  };
  record.sentenceRefs = [...new Set(record.sentenceRefs)];
  return { digest, record };
}

function isNew(point: Point, delivered: DeliveredSoFar): boolean {
  if (delivered.claimIds.has(point.claimId)) return false;
  return !point.citations.some((c) => delivered.sentenceRefs.has(sentenceRef(c)));
}

/**
 * Identity of a disagreement for "has this changed": what it is about and who says what. A new
 * variant (another figure reported) gives a new signature, so the changed disagreement is shown.
 */
export function disagreementSignature(d: Disagreement): string {
  const norm = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const variants = d.variants.map((v) => norm(v.text)).sort();
  return contentId('disagreement', d.kind, norm(d.about), ...variants);
}

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
