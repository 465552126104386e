import { PENDING_STATE, type SourceRecord, type SourceState } from '../core/ports/source-repository.ts';
import type { ArticleInput } from '../core/types.ts';
import { collect, type Fetcher } from '../sources/collect.ts';
import { isSourceReadError, SourcesUnavailableError } from '../sources/errors.ts';
import { checkAddRequest, checkRoomForSource, sourceIdFor } from '../sources/source-request.ts';
import type { AddSourceRequest } from './summit-service.ts';

/** Adds articles to a story; returns how many were new to it. */
export type StoryIngest = (storyId: string, articles: ArticleInput[]) => number;

/**
 * Sources of the in-process service: kept in memory and read once when added (there is no
 * queue to poll them on a schedule). Same validation and the same `collect` as the worker.
 */
export class LocalSources {
  readonly #records = new Map<string, SourceRecord>();
  readonly #fetcher: Fetcher | undefined;
  readonly #now: () => Date;
  readonly #maxItems: number;

  constructor(options: { fetcher?: Fetcher; now?: () => Date; maxItems?: number } = {}) {
    this.#fetcher = options.fetcher;
    this.#now = options.now ?? (() => new Date());
    this.#maxItems = options.maxItems ?? 30;
  }

  async add(request: AddSourceRequest, ingest: StoryIngest): Promise<{ record: SourceRecord; created: boolean }> {
    if (!this.#fetcher) throw new SourcesUnavailableError();
    const { id, url, keywords } = checkAddRequest(request);
    const before = this.#records.get(id);
    if (!before) checkRoomForSource(request.storyId, this.list(request.storyId).length);
    const source = before
      ? { ...before.source, keywords }
      : { id, storyId: request.storyId, url, keywords, addedBy: request.addedBy, addedAt: this.#now().toISOString() };
    const state = await this.#poll(source, before?.state ?? PENDING_STATE, ingest);
    const record = { source, state };
    this.#records.set(id, record);
    return { record, created: !before };
  }

  list(storyId: string): SourceRecord[] {
    return [...this.#records.values()].filter((r) => r.source.storyId === storyId);
  }

  remove(storyId: string, url: string): boolean {
    return this.#records.delete(sourceIdFor(storyId, url));
  }

  async #poll(source: SourceRecord['source'], state: SourceState, ingest: StoryIngest): Promise<SourceState> {
    const at = this.#now().toISOString();
    try {
      const collected = await collect(source.url, { fetcher: this.#fetcher as Fetcher, keywords: source.keywords, maxItems: this.#maxItems });
      const added = ingest(source.storyId, collected.articles);
      return {
        status: 'ok',
        ...(collected.kind ? { kind: collected.kind } : {}),
        lastPolledAt: at,
        lastSuccessAt: at,
        consecutiveFailures: 0,
        articlesAdded: state.articlesAdded + added,
        lastProblems: collected.problems.slice(0, 5),
        pendingItems: collected.deferred,
      };
    } catch (error) {
      if (!isSourceReadError(error)) throw error;
      const problem = { url: source.url, code: error.code, reason: error.message };
      return { ...state, status: 'failing', lastPolledAt: at, lastError: { ...problem, at }, consecutiveFailures: state.consecutiveFailures + 1 };
    }
  }
}
