import { answerQuestion } from '../core/answer.ts';
import { type Analysis, analyse, briefingFromAnalysis, type EngineOptions } from '../core/engine.ts';
import { contentId } from '../core/ids.ts';
import type { SourceRecord } from '../core/ports/source-repository.ts';
import type { ArticleInput, Briefing, Subscription, ThreadLink } from '../core/types.ts';
import type { Fetcher } from '../sources/collect.ts';
import { articleHash } from '../store/article-hash.ts';
import { LocalSources } from './local-sources.ts';
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

  /** `sources.fetcher`: lets `addSource` read a feed or page once (without it, adding sources is refused). */
  constructor(stories: LocalStory[], engine: Omit<EngineOptions, 'story'>, sources: { fetcher?: Fetcher; now?: () => Date } = {}) {
    if (stories.length === 0) throw new Error('LocalSummitService needs at least one story');
    this.#stories = new Map(stories.map((s) => [s.id, s]));
    this.#engine = engine;
    this.#defaultStory = (stories[0] as LocalStory).id;
    this.#sources = new LocalSources(sources);
  }

  #analysis(storyId: string): Analysis {
    const story = this.#stories.get(storyId);
    if (!story) throw new UnknownStoryError(storyId);
    let analysis = this.#analyses.get(storyId);
    if (!analysis) {
      analysis = analyse(story.articles, { ...this.#engine, story: storyId });
      this.#analyses.set(storyId, analysis);
    }
    return analysis;
  }

  async brief(request: { storyId: string; topic?: string }): Promise<{ briefingId: string; briefing: Briefing }> {
    const briefing = briefingFromAnalysis(this.#analysis(request.storyId), {
      ...this.#engine,
      story: request.storyId,
      ...(request.topic ? { topic: request.topic } : {}),
    });
    const briefingId = contentId(request.storyId, request.topic ?? '*', ...briefing.articles.map((a) => a.id));
    const title = this.#stories.get(request.storyId)?.title;
    return { briefingId, briefing: title ? { ...briefing, title } : briefing };
  }

  async sources(storyId: string) {
    return (await this.brief({ storyId })).briefing.articles;
  }

  async ask(request: { threadId: string; storyId: string; question: string }) {
    const answer = answerQuestion(this.#analysis(request.storyId), request.question);
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

  async addSource(request: AddSourceRequest): Promise<{ record: SourceRecord; created: boolean }> {
    if (!this.#stories.has(request.storyId)) throw new UnknownStoryError(request.storyId);
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
    const story = this.#stories.get(storyId);
    if (!story) throw new UnknownStoryError(storyId);
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
