import { LocalSummitService } from '../../../src/app/local-service.ts';
import type { SummitService } from '../../../src/app/summit-service.ts';
import { loadArticleSet } from '../../../src/cli/article-set.ts';
import { loadTopics } from '../../../src/cli/topics-file.ts';
import { englishWords } from '../../../src/lexicon/english-words.ts';

/** The bundled demo story (five articles) with the default topics, computed in-process. */
export async function bundledService(): Promise<LocalSummitService> {
  const set = await loadArticleSet(undefined, () => undefined);
  return new LocalSummitService([{ id: set.story, articles: set.articles }], {
    topics: await loadTopics(),
    dictionary: englishWords(),
    now: () => new Date('2026-01-01T08:00:00Z'),
  });
}

/** Wraps a service so `brief` waits until the test releases it (to prove the ack comes first). */
export function gatedService(inner: SummitService): { service: SummitService; release: () => void; calls: () => number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const service: SummitService = {
    brief: async (request) => {
      calls += 1;
      await gate;
      return inner.brief(request);
    },
    sources: (storyId) => inner.sources(storyId),
    ask: (request) => inner.ask(request),
    subscribe: (s) => inner.subscribe(s),
    unsubscribe: (platform, channelId) => inner.unsubscribe(platform, channelId),
    subscriptions: (platform, channelId) => inner.subscriptions(platform, channelId),
    linkThread: (link) => inner.linkThread(link),
    thread: (threadId) => inner.thread(threadId),
    defaultStory: () => inner.defaultStory(),
    topics: () => inner.topics(),
    addSource: (request) => inner.addSource(request),
    listSources: (storyId) => inner.listSources(storyId),
    removeSource: (storyId, url) => inner.removeSource(storyId, url),
    storyTopics: (storyId) => inner.storyTopics(storyId),
    channelStory: (channel) => inner.channelStory(channel),
    stories: (owner) => inner.stories(owner),
    findStory: (owner, ref) => inner.findStory(owner, ref),
    createStory: (request) => inner.createStory(request),
    renameStory: (owner, ref, title) => inner.renameStory(owner, ref, title),
    archiveStory: (owner, ref) => inner.archiveStory(owner, ref),
    setStoryTopics: (owner, ref, topics) => inner.setStoryTopics(owner, ref, topics),
    follow: (channel, ref) => inner.follow(channel, ref),
  };
  return { service, release, calls: () => calls };
}

/** Wraps a service and counts every call, to prove that rejected requests had no effect. */
export function countingService(inner: SummitService): { service: SummitService; calls: () => number } {
  let calls = 0;
  const count = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
    calls += 1;
    return fn(...args);
  };
  return {
    calls: () => calls,
    service: {
      brief: count((r) => inner.brief(r)),
      sources: count((id) => inner.sources(id)),
      ask: count((r) => inner.ask(r)),
      subscribe: count((s) => inner.subscribe(s)),
      unsubscribe: count((p, c) => inner.unsubscribe(p, c)),
      subscriptions: count((p, c) => inner.subscriptions(p, c)),
      linkThread: count((l) => inner.linkThread(l)),
      thread: count((id) => inner.thread(id)),
      defaultStory: count(() => inner.defaultStory()),
      topics: count(() => inner.topics()),
      addSource: count((r) => inner.addSource(r)),
      listSources: count((id) => inner.listSources(id)),
      removeSource: count((id, url) => inner.removeSource(id, url)),
      storyTopics: count((id) => inner.storyTopics(id)),
      channelStory: count((c) => inner.channelStory(c)),
      stories: count((o) => inner.stories(o)),
      findStory: count((o, r) => inner.findStory(o, r)),
      createStory: count((r) => inner.createStory(r)),
      renameStory: count((o, r, t) => inner.renameStory(o, r, t)),
      archiveStory: count((o, r) => inner.archiveStory(o, r)),
      setStoryTopics: count((o, r, t) => inner.setStoryTopics(o, r, t)),
      follow: count((c, r) => inner.follow(c, r)),
    },
  };
}
