/**
 * Slack redelivers an event when it did not see a 200 within 3 s (X-Slack-Retry-Num, or
 * retry_attempt in Socket Mode), and one user message can arrive as both `message` and
 * `app_mention`. Handlers claim a key first and do nothing when someone already has.
 */
export interface EventDedupe {
  /** True exactly once per key within the retention window. */
  claim(key: string): Promise<boolean>;
}

/**
 * In-process dedupe with a time limit. Enough for one instance; several instances behind a load
 * balancer need a shared store (Redis SET NX EX), since a retry may reach another instance.
 */
export class MemoryEventDedupe implements EventDedupe {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(ttlMs = 60 * 60 * 1000, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  async claim(key: string): Promise<boolean> {
    const now = this.#now();
    this.#evict(now);
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, now + this.#ttlMs);
    return true;
  }

  /** Map iteration is in insertion order, which is expiry order, so eviction stops early. */
  #evict(now: number) {
    for (const [key, expires] of this.#seen) {
      if (expires > now) break;
      this.#seen.delete(key);
    }
  }
}
