import { answerQuestion } from '../core/answer.ts';
import { type Analysis, analyse, briefingFromAnalysis, type EngineOptions } from '../core/engine.ts';
import { contentId } from '../core/ids.ts';
import { topicsDigest } from '../core/ports/briefing-cache.ts';
import type { SourceRecord } from '../core/ports/source-repository.ts';
import type { ArticleInput, Briefing, Subscription, ThreadLink } from '../core/types.ts';
import type { Fetcher } from '../sources/collect.ts';
import { EmptyStoryError } from '../stories/errors.ts';
import { articleHash } from '../store/article-hash.ts';
import { LocalSources } from './local-sources.ts';
import { MemoryStoryRepository } from './memory-stories.ts';
import { UnknownTopicError } from './service-errors.ts';
import { StoryDirectory } from './story-directory.ts';
import { StoryService } from './story-service.ts';
import type { AddSourceRequest, SummitService } from './summit-service.ts';

export interface LocalStory {
  id: string;
  /** Display title set by whoever created the story; derived from headlines when absent. */
  title?: string;
  articles: ArticleInput[];
}

/**
 * SummitService computed in-process with memory state: for tests of the chat adapters and for a
 * single-process demo. Production uses the Redis/BullMQ service, where work runs on the queue.
 */
export class LocalSummitService implements SummitService {
  readonly #stories: Map<string, LocalStory>;
  readonly #engine: Omit<EngineOptions, 'story'>;
  readonly #analyses = new Map<string, Analysis>();
  readonly #subscriptions: Subscription[] = [];
  readonly #threads = new Map<string, ThreadLink>();
  readonly #defaultStory: string;
  readonly #sources: LocalSources;
  readonly #records = new MemoryStoryRepository();
  readonly #directory: StoryDirectory;
  readonly #storyService: StoryService;
  readonly #lastAdded = new Map<string, string>();

  /**
   * The first story is the default (DEFAULT_STORY); the others are shared by every workspace, as
   * stories made from the CLI are. `sources.fetcher`: lets `addSource` read a feed or page once
   * (without it, adding sources is refused).
   */
  constructor(stories: LocalStory[], engine: Omit<EngineOptions, 'story'>, sources: { fetcher?: Fetcher; now?: () => Date } = {}) {
    if (stories.length === 0) throw new Error('LocalSummitService needs at least one story');
    this.#stories = new Map(stories.map((s) => [s.id, s]));
    this.#engine = engine;
    this.#defaultStory = (stories[0] as LocalStory).id;
    this.#sources = new LocalSources(sources);
    const now = sources.now ?? (() => new Date());
    for (const story of stories.slice(1)) {
      void this.#records.create({ id: story.id, title: story.title ?? story.id, topics: engine.topics, createdBy: 'local', createdAt: now().toISOString() });
    }
    this.#directory = new StoryDirectory({
      stories: this.#records,
      articles: {
        count: async (storyId) => this.#stories.get(storyId)?.articles.length ?? 0,
        lastAddedAt: async (storyId) => this.#lastAdded.get(storyId),
      },
      subscriptionStory: async (channel) => (await this.subscriptions(channel.platform, channel.channelId))[0]?.storyId,
      topics: engine.topics,
      defaultStory: this.#defaultStory,
      now,
    });
    this.#storyService = new StoryService(this.#directory, engine.topics, this);
  }

  async #analysis(storyId: string): Promise<Analysis> {
    const story = this.#stories.get(storyId);
    if (!story) throw (await this.#records.get(storyId)) ? new EmptyStoryError(storyId) : new UnknownStoryError(storyId);
    let analysis = this.#analyses.get(storyId);
    if (!analysis) {
      analysis = analyse(story.articles, { ...this.#engine, story: storyId });
      this.#analyses.set(storyId, analysis);
    }
    return analysis;
  }

  async brief(request: { storyId: string; topic?: string }): Promise<{ briefingId: string; briefing: Briefing }> {
    const topics = await this.#directory.topicsOf(request.storyId);
    if (request.topic && !topics.some((t) => t.id === request.topic)) throw new UnknownTopicError(request.topic, topics.map((t) => t.id));
    const briefing = briefingFromAnalysis(await this.#analysis(request.storyId), {
      ...this.#engine,
      topics,
      story: request.storyId,
      ...(request.topic ? { topic: request.topic } : {}),
    });
    const briefingId = contentId(request.storyId, request.topic ?? '*', topicsDigest(topics), ...briefing.articles.map((a) => a.id));
    const title = (await this.#records.get(request.storyId))?.title ?? this.#stories.get(request.storyId)?.title;
    return { briefingId, briefing: title ? { ...briefing, title } : briefing };
  }

  async sources(storyId: string) {
    return (await this.brief({ storyId })).briefing.articles;
  }

  async ask(request: { threadId: string; storyId: string; question: string }) {
    const answer = answerQuestion(await this.#analysis(request.storyId), request.question);
    const thread = this.#threads.get(request.threadId);
    thread?.turns.push({ question: request.question, answer });
    return answer;
  }

  async subscribe(subscription: Subscription) {
    await this.unsubscribe(subscription.platform, subscription.channelId);
    this.#subscriptions.push(subscription);
  }

  async unsubscribe(platform: Subscription['platform'], channelId: string) {
    const before = this.#subscriptions.length;
    for (let i = this.#subscriptions.length - 1; i >= 0; i--) {
      const s = this.#subscriptions[i] as Subscription;
      if (s.platform === platform && s.channelId === channelId) this.#subscriptions.splice(i, 1);
    }
    return this.#subscriptions.length < before;
  }

  async subscriptions(platform: Subscription['platform'], channelId: string) {
    return this.#subscriptions.filter((s) => s.platform === platform && s.channelId === channelId);
  }

  async linkThread(link: Omit<ThreadLink, 'turns'>) {
    this.#threads.set(link.threadId, { ...link, turns: this.#threads.get(link.threadId)?.turns ?? [] });
  }

  async thread(threadId: string) {
    return this.#threads.get(threadId);
  }

  defaultStory() {
    return this.#defaultStory;
  }

  topics() {
    return this.#engine.topics.map((t) => ({ id: t.id, label: t.label }));
  }

  storyTopics: SummitService['storyTopics'] = (storyId) => this.#storyService.storyTopics(storyId);
  channelStory: SummitService['channelStory'] = (channel) => this.#storyService.channelStory(channel);
  stories: SummitService['stories'] = (owner) => this.#storyService.stories(owner);
  findStory: SummitService['findStory'] = (owner, ref) => this.#storyService.findStory(owner, ref);
  createStory: SummitService['createStory'] = (request) => this.#storyService.createStory(request);
  renameStory: SummitService['renameStory'] = (owner, ref, title) => this.#storyService.renameStory(owner, ref, title);
  archiveStory: SummitService['archiveStory'] = (owner, ref) => this.#storyService.archiveStory(owner, ref);
  setStoryTopics: SummitService['setStoryTopics'] = (owner, ref, topics) => this.#storyService.setStoryTopics(owner, ref, topics);
  follow: SummitService['follow'] = (channel, ref) => this.#storyService.follow(channel, ref);

  /** Adds articles to a story in-process (a story made in chat starts empty), as `summit ingest` does through the queue. */
  async addArticles(storyId: string, articles: ArticleInput[]): Promise<number> {
    if (!this.#stories.has(storyId) && !(await this.#records.get(storyId))) throw new UnknownStoryError(storyId);
    return this.#append(storyId, articles);
  }

  async addSource(request: AddSourceRequest): Promise<{ record: SourceRecord; created: boolean }> {
    if (!this.#stories.has(request.storyId) && !(await this.#records.get(request.storyId))) throw new UnknownStoryError(request.storyId);
    return this.#sources.add(request, (storyId, articles) => this.#append(storyId, articles));
  }

  async listSources(storyId: string): Promise<SourceRecord[]> {
    return this.#sources.list(storyId);
  }

  async removeSource(storyId: string, url: string): Promise<boolean> {
    return this.#sources.remove(storyId, url);
  }

  /** Adds the articles the story lacks (same content = same article, as in the Redis store). */
  #append(storyId: string, articles: ArticleInput[]): number {
    const story = this.#stories.get(storyId) ?? { id: storyId, articles: [] };
    const known = new Set(story.articles.map((a) => articleHash(a)));
    const fresh = articles.filter((a) => {
      const hash = articleHash(a);
      if (known.has(hash)) return false;
      known.add(hash);
      return true;
    });
    if (fresh.length > 0) {
      this.#stories.set(storyId, { ...story, articles: [...story.articles, ...fresh] });
      this.#analyses.delete(storyId);
      this.#lastAdded.set(storyId, new Date().toISOString());
    }
    return fresh.length;
  }
}

export class UnknownStoryError extends Error {
  readonly code = 'story:unknown';

  constructor(storyId: string) {
    super(`unknown story "${storyId}"`);
    this.name = 'UnknownStoryError';
  }
}
