import type { DigestRecord } from '../core/ports/digest-log.ts';
import type { AddArticlesResult } from '../core/ports/article-repository.ts';
import type { RefusedArticle } from '../ingest/article-check.ts';
import type { Answer, ArticleInput, Digest } from '../core/types.ts';
import type { PollOutcome } from '../sources/poll-source.ts';

/** All jobs share one queue and are routed by name; interactive ones jump ahead of background ones. */
export const QUEUE_NAME = 'summit';

export interface JobPayloads {
  brief: { storyId: string; topic?: string };
  /** `scheduledAt` is set for runs not made by the scheduler (tests, "send now"). */
  digest: { subscriptionId: string; scheduledAt?: string };
  'deliver-digest': { subscriptionId: string; localDate: string; digest: Digest; record: DigestRecord };
  answer: { threadId: string; storyId: string; question: string };
  ingest: { storyId: string; articles: ArticleInput[] };
  /** One poll of a feed or page source (a job scheduler per source runs it). */
  'poll-source': { sourceId: string };
}

export type DigestOutcome = 'queued' | 'already-done' | 'taken' | 'no-subscription';
export type DeliveryOutcome = 'posted' | 'already-done' | 'interrupted' | 'unsubscribed';

export interface JobResults {
  brief: { briefingId: string; computed: boolean };
  digest: { outcome: DigestOutcome; localDate?: string; nothingNew?: boolean };
  'deliver-digest': { outcome: DeliveryOutcome; threadId?: string };
  answer: Answer;
  ingest: IngestJobResult;
  'poll-source': PollOutcome;
}

/** What an ingest job stored, and each article it refused (index within the job). */
export interface IngestJobResult extends AddArticlesResult {
  refused: RefusedArticle[];
}

export type JobName = keyof JobPayloads;
