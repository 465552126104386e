import type { ThreadRepository } from '../core/ports/thread-repository.ts';
import type { Answer, ThreadLink } from '../core/types.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';
import { runScript } from './scripts.ts';

const THREAD_TTL_SECONDS = 90 * 86_400;
/** Earlier turns kept as context; older ones matter little and would only grow the prompt. */
const TURNS_KEPT = 20;

type Turn = ThreadLink['turns'][number];

export class RedisThreadRepository implements ThreadRepository {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;

  constructor(redis: RedisClient, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async link(link: Omit<ThreadLink, 'turns'>): Promise<void> {
    const key = this.#keys.thread(link.threadId);
    await this.#redis
      .multi()
      .set(key, JSON.stringify({ threadId: link.threadId, storyId: link.storyId, briefingId: link.briefingId }))
      .expire(key, THREAD_TTL_SECONDS)
      .expire(this.#keys.threadTurns(link.threadId), THREAD_TTL_SECONDS)
      .expire(this.#keys.threadTurnIds(link.threadId), THREAD_TTL_SECONDS)
      .exec();
  }

  async get(threadId: string): Promise<ThreadLink | undefined> {
    const [[, json], [, turns]] = ((await this.#redis
      .multi()
      .get(this.#keys.thread(threadId))
      .lrange(this.#keys.threadTurns(threadId), 0, -1)
      .exec()) ?? []) as [[unknown, string | null], [unknown, string[]]];
    if (json === null) return undefined;
    return { ...(JSON.parse(json) as Omit<ThreadLink, 'turns'>), turns: turns.map((t) => JSON.parse(t) as Turn) };
  }

  async appendTurn(threadId: string, turnId: string, turn: { question: string; answer: Answer }): Promise<boolean> {
    const k = this.#keys;
    const appended = await runScript(
      this.#redis,
      'appendTurn',
      [k.threadTurns(threadId), k.threadTurnIds(threadId), k.thread(threadId)],
      [turnId, JSON.stringify(turn), TURNS_KEPT, THREAD_TTL_SECONDS],
    );
    return appended === 1;
  }
}
