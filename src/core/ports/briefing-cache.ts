import { createHash } from 'node:crypto';
import type { Briefing, Topic } from '../types.ts';

/** Everything a cached briefing depends on. */
export interface BriefingCacheKey {
  storyId: string;
  /** Fingerprint of the story's article set. */
  fingerprint: string;
  /** Undefined: all topics. */
  topic?: string;
  /** Engine name and version, e.g. "summit-offline/3". */
  engine: string;
  /** Model and prompt version when an LLM writes the briefing; empty for the offline engine. */
  generator?: string;
  /** `topicsDigest` of the topics the briefing was cut by (a story's own, or the deployment's). */
  topics: string;
}

/** A digest of a topic list (ids, labels, terms, order): briefings by other topics get other ids. */
export function topicsDigest(topics: Topic[]): string {
  const hash = createHash('sha256');
  for (const t of topics) hash.update(JSON.stringify([t.id, t.label, t.description, t.terms])).update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

/** The briefing id: a digest of its cache key (long enough that ids of other stories can't be guessed from one). */
export function briefingId(key: BriefingCacheKey): string {
  const hash = createHash('sha256');
  for (const part of ['briefing/v2', key.storyId, key.fingerprint, key.topic ?? '*', key.engine, key.generator ?? '', key.topics]) {
    hash.update(part).update('\u0000');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Briefings by id; an entry never changes once written (a new article set means a new id). */
export interface BriefingCache {
  get(briefingId: string): Promise<Briefing | undefined>;
  put(briefingId: string, briefing: Briefing): Promise<void>;
  /** Stores a briefing already serialised as UTF-8 JSON (as it comes from an engine thread). */
  putEncoded(briefingId: string, json: Uint8Array): Promise<void>;
  /** Whether a briefing is stored, without reading it (large briefings are costly to parse). */
  has(briefingId: string): Promise<boolean>;
}
