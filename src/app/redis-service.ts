import { randomUUID } from 'node:crypto';
import { briefingId as briefingIdOf, topicsDigest } from '../core/ports/briefing-cache.ts';
import type { RedisClient } from '../store/redis-client.ts';
import type { SourceRecord } from '../core/ports/source-repository.ts';
import { subscriptionId } from '../core/ports/subscription-repository.ts';
import type { Answer, Briefing, Subscription, ThreadLink, Topic } from '../core/types.ts';
import type { JobName, JobPayloads, JobResults } from '../queue/jobs.ts';
import { JobWaitTimeout, type SummitQueue } from '../queue/summit-queue.ts';
import type { Stores } from '../store/stores.ts';
import { InvalidSourceError } from '../sources/errors.ts';
import { checkAddRequest, checkRoomForSource, sourceIdFor } from '../sources/source-request.ts';
import { EmptyStoryError } from '../stories/errors.ts';
import { UnknownStoryError } from './local-service.ts';
import { InvalidQuestionError, JobFailedError, UnknownTopicError, WorkerTimeoutError } from './service-errors.ts';
import { StoryDirectory } from './story-directory.ts';
import { StoryService } from './story-service.ts';
import { validateSubscription } from './subscription-rules.ts';
import type { AddSourceRequest, SummitService } from './summit-service.ts';

export interface RedisServiceDeps {
  stores: Stores;
  queue: SummitQueue;
  topics: Topic[];
  /** Cache-key parts of the engine that workers run (see BriefingEngine). */
  engine: { engine: string; generator: string };
  defaultStory: string;
  /** How long a request waits for its job. */
  timeoutMs: number;
  now?: () => Date;
  /** Interval of the job scheduler each source gets (SOURCE_POLL_MINUTES). */
  sourcePollEveryMs?: number;
}

const DEFAULT_POLL_EVERY_MS = 15 * 60_000;

/**
 * SummitService for production: reads come from the Redis store, heavy work runs as jobs on the
 * worker. A brief is served from the cache while the story's article set is unchanged;
 * otherwise one job computes it and concurrent identical requests wait on that same job
 * (BullMQ deduplication keyed by the briefing id).
 */
export class RedisSummitService implements SummitService {
  readonly #deps: RedisServiceDeps;
  readonly #now: () => Date;
  readonly #directory: StoryDirectory;
  readonly #stories: StoryService;

  constructor(deps: RedisServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
    this.#directory = new StoryDirectory({
      stories: deps.stores.stories,
      articles: deps.stores.articles,
      subscriptionStory: async (channel) => (await this.subscriptions(channel.platform, channel.channelId))[0]?.storyId,
      topics: deps.topics,
      defaultStory: deps.defaultStory,
      now: this.#now,
    });
    this.#stories = new StoryService(this.#directory, deps.topics, this);
  }

  async brief(request: { storyId: string; topic?: string }): Promise<{ briefingId: string; briefing: Briefing }> {
    const { stores, engine } = this.#deps;
    const topic = request.topic || undefined;
    const topics = await this.#directory.topicsOf(request.storyId);
    if (topic && !topics.some((t) => t.id === topic)) {
      throw new UnknownTopicError(topic, topics.map((t) => t.id));
    }
    const fingerprint = await this.#fingerprint(request.storyId);
    const id = briefingIdOf({ storyId: request.storyId, fingerprint, ...(topic ? { topic } : {}), ...engine, topics: topicsDigest(topics) });
    const title = (await stores.stories.get(request.storyId))?.title;
    const titled = (briefing: Briefing) => (title ? { ...briefing, title } : briefing);
    const cached = await stores.briefings.get(id);
    // Not awaited: a metrics counter must not slow or fail the request (a lost increment is harmless).
    void stores.counters.increment(cached ? 'briefing_cache_hit' : 'briefing_cache_miss').catch(() => {});
    if (cached) return { briefingId: id, briefing: titled(cached) };

    const payload = { storyId: request.storyId, ...(topic ? { topic } : {}) };
    // Two rounds: a job that finished and was cleaned up between our add and our wait is simply
    // looked up in the cache; if it is not there either, one more job is made.
    for (let round = 0; round < 2; round++) {
      const result = await this.#run('brief', payload, 'The briefing', { deduplicationId: id });
      const briefingId = result?.briefingId ?? id;
      const briefing = await stores.briefings.get(briefingId);
      if (briefing) return { briefingId, briefing: titled(briefing) };
    }
    throw new JobFailedError('The briefing', `briefing ${id} was not in the cache after its job finished`);
  }

  async sources(storyId: string) {
    return (await this.brief({ storyId })).briefing.articles;
  }

  async ask(request: { threadId: string; storyId: string; question: string }): Promise<Answer> {
    const question = request.question.trim();
    if (!question) throw new InvalidQuestionError('ask a question after the command, e.g. "what was agreed on trade?"');
    if (question.length > 2000) throw new InvalidQuestionError('that question is too long (2,000 characters at most)');
    await this.#fingerprint(request.storyId);
    // An id of our own: should the add be resent after a reconnect, BullMQ keeps one job (and the
    // thread one turn, which is named by the job id).
    const answer = await this.#run('answer', { ...request, question }, 'The answer', { jobId: `answer-${randomUUID()}` });
    if (!answer) throw new JobFailedError('The answer', 'answer job vanished before reporting its result');
    return answer;
  }

  async subscribe(subscription: Subscription): Promise<void> {
    validateSubscription(subscription, (await this.#directory.topicsOf(subscription.storyId)).map((t) => t.id));
    await this.#fingerprint(subscription.storyId);
    const record = await this.#deps.stores.subscriptions.put(subscription, this.#now());
    await this.#deps.queue.upsertDigestScheduler(record);
  }

  async unsubscribe(platform: Subscription['platform'], channelId: string): Promise<boolean> {
    const id = subscriptionId(platform, channelId);
    await this.#deps.queue.removeDigestScheduler(id);
    return this.#deps.stores.subscriptions.remove(id);
  }

  async subscriptions(platform: Subscription['platform'], channelId: string): Promise<Subscription[]> {
    const record = await this.#deps.stores.subscriptions.get(subscriptionId(platform, channelId));
    return record ? [record.subscription] : [];
  }

  linkThread(link: Omit<ThreadLink, 'turns'>): Promise<void> {
    return this.#deps.stores.threads.link(link);
  }

  thread(threadId: string): Promise<ThreadLink | undefined> {
    return this.#deps.stores.threads.get(threadId);
  }

  defaultStory(): string {
    return this.#deps.defaultStory;
  }

  topics(): { id: string; label: string }[] {
    return this.#deps.topics.map((t) => ({ id: t.id, label: t.label }));
  }

  storyTopics: SummitService['storyTopics'] = (storyId) => this.#stories.storyTopics(storyId);
  channelStory: SummitService['channelStory'] = (channel) => this.#stories.channelStory(channel);
  stories: SummitService['stories'] = (owner) => this.#stories.stories(owner);
  findStory: SummitService['findStory'] = (owner, ref) => this.#stories.findStory(owner, ref);
  createStory: SummitService['createStory'] = (request) => this.#stories.createStory(request);
  renameStory: SummitService['renameStory'] = (owner, ref, title) => this.#stories.renameStory(owner, ref, title);
  archiveStory: SummitService['archiveStory'] = (owner, ref) => this.#stories.archiveStory(owner, ref);
  setStoryTopics: SummitService['setStoryTopics'] = (owner, ref, topics) => this.#stories.setStoryTopics(owner, ref, topics);
  follow: SummitService['follow'] = (channel, ref) => this.#stories.follow(channel, ref);

  /** The story's fingerprint; a story with a record but no articles yet is "empty", one with neither unknown. */
  async #fingerprint(storyId: string): Promise<string> {
    const fingerprint = await this.#deps.stores.articles.fingerprint(storyId);
    if (fingerprint !== undefined) return fingerprint;
    if (await this.#deps.stores.stories.get(storyId)) throw new EmptyStoryError(storyId);
    throw new UnknownStoryError(storyId);
  }

  async addSource(request: AddSourceRequest): Promise<{ record: SourceRecord; created: boolean }> {
    const { stores, queue } = this.#deps;
    const { id, url, keywords } = checkAddRequest(request);

    const existing = await stores.sources.forStory(request.storyId);
    if (!existing.some((r) => r.source.id === id)) checkRoomForSource(request.storyId, existing.length);
    const { created } = await stores.sources.put({
      id,
      storyId: request.storyId,
      url,
      keywords,
      addedBy: request.addedBy,
      addedAt: this.#now().toISOString(),
    });
    // A new scheduler's first run is at once, so the source is read while the admin is still
    // looking; an updated one keeps its rhythm, so its new keywords get a poll of their own.
    await queue.upsertSourceScheduler(id, this.#deps.sourcePollEveryMs ?? DEFAULT_POLL_EVERY_MS);
    if (!created) await queue.add('poll-source', { sourceId: id }, { deduplicationId: `poll-now:${id}` });
    const record = await stores.sources.get(id);
    if (!record) throw new InvalidSourceError('the source was removed while it was being added; add it again');
    return { record, created };
  }

  listSources(storyId: string): Promise<SourceRecord[]> {
    return this.#deps.stores.sources.forStory(storyId);
  }

  async removeSource(storyId: string, url: string): Promise<boolean> {
    const id = sourceIdFor(storyId, url);
    await this.#deps.queue.removeSourceScheduler(id);
    return this.#deps.stores.sources.remove(id);
  }

  /** Adds a job (with its own id or deduplication id when given) and waits; undefined when it vanished without a result. */
  async #run<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    what: string,
    ids: { jobId?: string; deduplicationId?: string } = {},
  ): Promise<JobResults[N] | undefined> {
    const { queue, timeoutMs } = this.#deps;
    const job = await queue.add(name, data, ids);
    try {
      return await queue.wait(job, timeoutMs);
    } catch (error) {
      if (error instanceof JobWaitTimeout) throw new WorkerTimeoutError(what, timeoutMs);
      if (job.id && (await queue.jobState(job.id)) === 'unknown') return undefined;
      throw new JobFailedError(what, (error as Error).message);
    }
  }
}

/** The connections a Redis-backed service holds, for its owner to close. */
export interface RedisServiceHandle {
  service: RedisSummitService;
  redis: RedisClient;
  queue: SummitQueue;
  close(): Promise<void>;
}
