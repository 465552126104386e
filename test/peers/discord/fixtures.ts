import { oneStoryMethods } from '../../helpers/story-methods.ts';
import type { SummitService } from '../../../src/app/summit-service.ts';
import type { Briefing, BriefingArticle, Digest, Subscription } from '../../../src/core/types.ts';
import type { DiscordPeer } from './peer.ts';

/** A digest holding the whole current briefing (what a channel's first digest looks like). */
export async function digestOf(service: SummitService, localDate = '2026-01-01', topic?: string): Promise<Digest> {
  const { briefingId, briefing } = await service.brief({ storyId: service.defaultStory(), ...(topic ? { topic } : {}) });
  return {
    story: briefing.story,
    generatedAt: briefing.generatedAt,
    localDate,
    engine: briefing.engine,
    nothingNew: false,
    ...(briefing.overview ? { overview: briefing.overview } : {}),
    topics: briefing.topics,
    disagreements: briefing.disagreements,
    articles: briefing.articles,
    briefingId,
  };
}

export function subscriptionFor(peer: DiscordPeer, service: SummitService, channelId = peer.channelId): Subscription {
  return {
    platform: 'discord',
    workspaceId: peer.guildId,
    channelId,
    storyId: service.defaultStory(),
    time: '08:00',
    timeZone: 'Europe/Berlin',
    topics: [],
    createdBy: peer.users.admin.id,
  };
}

/**
 * A briefing far over Discord's limits: many topics of long points, each citing several
 * articles by long absolute URLs, and many disagreements.
 */
export function hugeBriefing(): Briefing {
  const articles: BriefingArticle[] = Array.from({ length: 40 }, (_, i) => ({
    id: `a${i}`,
    source: `source-${i}.html`,
    title: `Article ${i}: a long headline about the summit, the tariffs and everything else that happened`,
    url: `https://news${i}.example.com/2026/01/01/a-very-long-path-segment-for-the-summit-story-${i}?utm_source=feed&ref=${'x'.repeat(40)}`,
    group: `g${i % 7}`,
    lowInformation: i % 9 === 0,
    sentences: 30,
  }));
  const filler = 'the ministers agreed on steel, tariffs, rare earths and a joint statement; '.repeat(3);
  const point = (t: number, p: number) => ({
    text: `Point ${p} of topic ${t}: ${filler}officials said.`,
    independentSources: 1 + (p % 3),
    claimId: `c${t}-${p}`,
    citations: [0, 1, 2, 3].map((k) => {
      const article = articles[(t * 7 + p + k * 5) % articles.length] as BriefingArticle;
      return { articleId: article.id, sentenceId: p + 1, quote: 'the ministers agreed', link: `${article.url}#:~:text=the%20ministers%20agreed%20on%20steel` };
    }),
  });
  return {
    story: 'huge-story',
    generatedAt: '2026-01-01T08:00:00.000Z',
    engine: 'summit-offline/1',
    articles,
    groups: [],
    topics: Array.from({ length: 6 }, (_, t) => ({ id: `topic${t}`, label: `Topic ${t}`, points: Array.from({ length: 12 }, (_, p) => point(t, p)) })),
    disagreements: Array.from({ length: 30 }, (_, d) => ({
      about: `How much was invested in round ${d}`,
      kind: 'number' as const,
      variants: [
        { text: `$${d}0 billion`, articleIds: ['a1', 'a2'] },
        { text: `$${d}5 billion`, articleIds: ['a3'] },
      ],
      citations: [],
      topicIds: [`topic${d % 6}`],
    })),
  };
}

/** The service, except that briefings are the given one (topics follow it). */
export function serviceBriefing(base: SummitService, briefing: Briefing, beforeBrief: () => void = () => {}): SummitService {
  return {
    brief: async (request) => {
      beforeBrief();
      const topics = request.topic ? briefing.topics.filter((t) => t.id === request.topic) : briefing.topics;
      return { briefingId: `brief-${request.topic ?? 'all'}`, briefing: { ...briefing, topics } };
    },
    sources: async () => briefing.articles,
    ask: (request) => base.ask(request),
    subscribe: (subscription) => base.subscribe(subscription),
    unsubscribe: (platform, channelId) => base.unsubscribe(platform, channelId),
    subscriptions: (platform, channelId) => base.subscriptions(platform, channelId),
    linkThread: (link) => base.linkThread(link),
    thread: (threadId) => base.thread(threadId),
    defaultStory: () => briefing.story,
    topics: () => briefing.topics.map((t) => ({ id: t.id, label: t.label })),
    addSource: (request) => base.addSource(request),
    listSources: (storyId) => base.listSources(storyId),
    removeSource: (storyId, url) => base.removeSource(storyId, url),
    ...oneStoryMethods(briefing.story, briefing.topics.map((t) => ({ id: t.id, label: t.label }))),
  };
}
