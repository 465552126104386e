import type { StoryRecord, StoryRepository } from '../core/ports/story-repository.ts';

/** StoryRepository in memory, for the in-process service (tests, `--local` demos). */
export class MemoryStoryRepository implements StoryRepository {
  readonly #records = new Map<string, StoryRecord>();
  readonly #follows = new Map<string, string>();

  async create(record: StoryRecord): Promise<boolean> {
    if (this.#records.has(record.id)) return false;
    this.#records.set(record.id, structuredClone(record));
    return true;
  }

  async get(id: string): Promise<StoryRecord | undefined> {
    const record = this.#records.get(id);
    return record ? structuredClone(record) : undefined;
  }

  async save(record: StoryRecord): Promise<void> {
    this.#records.set(record.id, structuredClone(record));
  }

  async all(): Promise<StoryRecord[]> {
    return [...this.#records.values()].sort((a, b) => a.id.localeCompare(b.id)).map((r) => structuredClone(r));
  }

  async followed(channelKey: string): Promise<string | undefined> {
    return this.#follows.get(channelKey);
  }

  async follow(channelKey: string, storyId: string): Promise<void> {
    this.#follows.set(channelKey, storyId);
  }
}
