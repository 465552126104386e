/** What a channel has been sent so far, as the "what's new" rule needs it. */
export interface DeliveredSoFar {
  claimIds: ReadonlySet<string>;
  /** `articleId:sentenceId` of every sentence cited by a delivered point. */
  sentenceRefs: ReadonlySet<string>;
  disagreementSignatures: ReadonlySet<string>;
}

/** What one digest adds to the record once it is posted. */
export interface DigestRecord {
  claimIds: string[];
  sentenceRefs: string[];
  disagreementSignatures: string[];
}

export interface DeliveredDigest {
  localDate: string;
  postedAt: string;
  threadId?: string;
  briefingId?: string;
  claimIds: string[];
  nothingNew: boolean;
  /** True when a crash left it unknown whether the post went out; it was not posted again. */
  uncertain: boolean;
}

/**
 * The outcome of claiming a subscription's local day: `claimed` (this job owns it, also on a
 * retry of the same job), `taken` (another job owns it), `done` (that day's digest was delivered).
 */
export type DayClaim = 'claimed' | 'taken' | 'done';

/**
 * Before posting: `post` (go ahead), `done` (already delivered), `interrupted` (an earlier attempt
 * crashed between posting and recording, so the post may be out: never post again).
 */
export type PostingStart = 'post' | 'done' | 'interrupted';

/**
 * Exactly one digest per subscription per local day. A day moves claimed → posting → done;
 * `commit` marks it done and records its claims in one atomic step.
 */
export interface DigestLog {
  delivered(subscriptionId: string): Promise<DeliveredSoFar>;
  claimDay(subscriptionId: string, localDate: string, owner: string): Promise<DayClaim>;
  beginPosting(subscriptionId: string, localDate: string): Promise<PostingStart>;
  /** The post certainly failed: the day may be posted again by a retry. */
  abortPosting(subscriptionId: string, localDate: string): Promise<void>;
  /** False when the day was already done (nothing changed). */
  commit(subscriptionId: string, localDate: string, record: DigestRecord, entry: DeliveredDigest): Promise<boolean>;
  history(subscriptionId: string, limit?: number): Promise<DeliveredDigest[]>;
}
