/** A synthetic story far larger than one Slack message, to test splitting and shortening. */
import { oneStoryMethods } from '../../helpers/story-methods.ts';
import type { SummitService } from '../../../src/app/summit-service.ts';
import type { Briefing, BriefingArticle, Citation, TopicBriefing } from '../../../src/core/types.ts';

export function bigBriefing(options: { topics?: number; points?: number; articles?: number; story?: string } = {}): Briefing {
  const articleCount = options.articles ?? 300;
  const articles: BriefingArticle[] = Array.from({ length: articleCount }, (_, i) => ({
    id: `a${i}`,
    source: `article-${i}.json`,
    title: `Article number ${i} about the very long summit & its many consequences`,
    url: `https://news.example/${i}`,
    outlet: `Outlet ${i % 7}`,
    group: `g${i % 40}`,
    lowInformation: i % 11 === 0,
    sentences: 30,
  }));
  const cite = (n: number): Citation => ({
    articleId: `a${n % articleCount}`,
    sentenceId: 1 + (n % 30),
    quote: `Quote ${n}`,
    link: `https://news.example/${n % articleCount}#:~:text=Quote%20${n}`,
  });
  const topics: TopicBriefing[] = Array.from({ length: options.topics ?? 10 }, (_, t) => ({
    id: `t${t}`,
    label: `Topic ${t}`,
    points: Array.from({ length: options.points ?? 6 }, (_, p) => ({
      text: `POINT-${t}-${p} ${'detailed reporting with numbers like 12,000 & <tags> '.repeat(25)}`.trim(),
      independentSources: 2,
      claimId: `c${t}-${p}`,
      citations: Array.from({ length: 12 }, (_, c) => cite(t * 100 + p * 12 + c)),
    })),
  }));
  return {
    story: options.story ?? 'big-story',
    generatedAt: '2026-01-01T08:00:00.000Z',
    engine: 'summit-offline/1',
    articles,
    groups: [],
    topics,
    disagreements: Array.from({ length: 20 }, (_, d) => ({
      about: `DISAGREEMENT-${d} the number of jobs`,
      kind: 'number' as const,
      variants: [
        { text: `${d} thousand jobs`, articleIds: [`a${d}`] },
        { text: `${d + 1} thousand jobs`, articleIds: [`a${d + 1}`] },
      ],
      citations: [cite(d), cite(d + 1)],
      // Half under a topic, half under none (the section after the topics).
      topicIds: d % 2 === 0 ? [`t${d % (options.topics ?? 10)}`] : [],
    })),
  };
}

/** A SummitService over one big briefing (answers and subscriptions are not what these tests are about). */
export function bigStoryService(briefing: Briefing): SummitService {
  const threads = new Map<string, { threadId: string; storyId: string; briefingId?: string; turns: [] }>();
  // As the engine narrows a briefing: that topic, and only the disagreements about it.
  const pick = (topic?: string) =>
    topic ? { ...briefing, topics: briefing.topics.filter((t) => t.id === topic), disagreements: briefing.disagreements.filter((d) => d.topicIds.includes(topic)) } : briefing;
  return {
    brief: async ({ topic }) => ({ briefingId: `big-${topic ?? 'all'}`, briefing: pick(topic) }),
    sources: async () => briefing.articles,
    ask: async ({ question }) => ({ question, answer: "The articles don't say.", supported: false, citations: [] }),
    subscribe: async () => undefined,
    unsubscribe: async () => false,
    subscriptions: async () => [],
    linkThread: async (link) => void threads.set(link.threadId, { ...link, turns: [] }),
    thread: async (id) => threads.get(id),
    defaultStory: () => briefing.story,
    topics: () => briefing.topics.map((t) => ({ id: t.id, label: t.label })),
    addSource: async () => {
      throw new Error('bigStoryService does not follow sources');
    },
    listSources: async () => [],
    removeSource: async () => false,
    ...oneStoryMethods(briefing.story, briefing.topics.map((t) => ({ id: t.id, label: t.label }))),
  };
}
