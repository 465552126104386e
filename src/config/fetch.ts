import { z } from 'zod';
import { parseNetwork } from '../ingest/fetch/address-policy.ts';
import { blankAsUnset, int, parseEnv } from './parse-env.ts';

/** Fetching feeds and article pages (`summit worker`, `summit ingest URL`). */
const FetchEnvSchema = z.object({
  /** Deadline of one fetch: every redirect and the whole body. */
  FETCH_TIMEOUT_MS: blankAsUnset(int(1000, 300_000).default(20_000)),
  /** Largest body read (after decompression); bigger responses are cut off and refused. */
  FETCH_MAX_BYTES: blankAsUnset(int(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024)),
  FETCH_MAX_REDIRECTS: blankAsUnset(int(0, 20).default(5)),
  FETCH_USER_AGENT: blankAsUnset(z.string().min(1).max(200).default('summit/0.1 (news briefing bot)')),
  /**
   * Addresses or CIDR ranges that may be fetched although they are not public (loopback,
   * private, link-local …), comma-separated. Empty: the public internet only.
   */
  FETCH_ALLOW_NETWORKS: blankAsUnset(
    z
      .string()
      .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
      .refine((list) => list.every((entry) => parseNetwork(entry) !== undefined), {
        message: 'comma-separated IP addresses or CIDR ranges, e.g. 127.0.0.0/8,::1',
      })
      .default([]),
  ),
  /** New feed items fetched per poll at most; the rest wait for the next poll. */
  SOURCE_MAX_ITEMS: blankAsUnset(int(1, 500).default(30)),
});

export interface FetchConfig {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  allowNetworks: string[];
}

/** Fetch limits and address policy; SOURCE_POLL_MINUTES is a queue setting (src/config/queue.ts). */
export function loadFetchConfig(env: Record<string, string | undefined>): FetchConfig & { maxItemsPerPoll: number } {
  const e = parseEnv(FetchEnvSchema, env);
  return {
    timeoutMs: e.FETCH_TIMEOUT_MS,
    maxBytes: e.FETCH_MAX_BYTES,
    maxRedirects: e.FETCH_MAX_REDIRECTS,
    userAgent: e.FETCH_USER_AGENT,
    allowNetworks: e.FETCH_ALLOW_NETWORKS,
    maxItemsPerPoll: e.SOURCE_MAX_ITEMS,
  };
}
