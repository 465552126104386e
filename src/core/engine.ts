import { unitShares } from './article-share.ts';
import { type BriefingBudget, DEFAULT_BUDGET, topicBriefings } from './briefing.ts';
import { type RankedClaim, rankClaims } from './claim-ranking.ts';
import { mergeParaphrasedClaims } from './claim-merge.ts';
import { type ClaimOptions, clusterClaims, DEFAULT_CLAIM_OPTIONS } from './claims.ts';
import type { WordList } from './clean/headings.ts';
import { claimDisagreements, type RawDisagreement } from './disagreements.ts';
import { extractFeatures, type SentenceFeatures, TermWeights, Vocabulary } from './features.ts';
import { figureDisagreements } from './figure-disagreements.ts';
import { dropOffTopicEdges } from './off-topic.ts';
import { overviewPoints } from './overview.ts';
import { contentId, sentenceRef } from './ids.ts';
import { sentenceLink } from './links.ts';
import { titleDisagreements } from './title-disagreements.ts';
import { withDisagreementTopics } from './disagreement-topics.ts';
import { prepareArticles } from './prepare.ts';
import { DEFAULT_REWRITE_OPTIONS, findRewriteGroups, type RewriteGroupOptions } from './rewrite-groups.ts';
import { Specifics } from './specificity.ts';
import { topicMatchers } from './topics.ts';
import type { Article, ArticleInput, Briefing, Citation, Disagreement, Topic } from './types.ts';

export const ENGINE_NAME = 'summit-offline';
/** Bumped whenever the engine's output changes, so cached briefings are rebuilt. */
export const ENGINE_VERSION = '3';

export interface EngineOptions {
  story: string;
  topics: Topic[];
  dictionary: WordList;
  budget?: BriefingBudget;
  claims?: ClaimOptions;
  rewrites?: RewriteGroupOptions;
  /** Clock for `generatedAt`; injected so results are reproducible in tests. */
  now?: () => Date;
}

/** The analysed article set: everything briefings and answers are built from. */
export interface Analysis {
  articles: Article[];
  sentences: SentenceFeatures[];
  weights: TermWeights;
  vocabulary: Vocabulary;
  claims: RankedClaim[];
  groupIds: string[];
  lowInformation: boolean[];
  disagreements: Disagreement[];
  cite: (s: SentenceFeatures) => Citation;
}

export function analyse(inputs: ArticleInput[], options: EngineOptions): Analysis {
  const prepared = prepareArticles(inputs, options.dictionary);
  const vocabulary = new Vocabulary();
  const { articles, sentences } = dropOffTopicEdges(prepared, extractFeatures(prepared, vocabulary));
  const weights = new TermWeights(sentences, vocabulary);
  const worded = clusterClaims(sentences, weights, options.claims ?? DEFAULT_CLAIM_OPTIONS);
  const groupOf = findRewriteGroups(articles.length, sentences, worded, options.rewrites ?? DEFAULT_REWRITE_OPTIONS);
  // One fact in other words (independent reports, paraphrasing rewrites) becomes one claim.
  const clusters = mergeParaphrasedClaims(worded, sentences, weights);
  const groupIds = groupIdsFor(groupOf);
  const specifics = new Specifics(sentences, articles.length, options.dictionary);
  const lowInformation = specifics.lowInformation(sentences, articles.length);
  // Centrality counts independent reports: a term every copy of one report repeats is not central.
  const termReportShare = unitShares(sentences, groupOf, (s) => s.termIds);
  const claims = rankClaims(
    clusters,
    { sentences, weights, specifics, groupOf, lowInformation, termReportShare },
    (c) => contentId(...c.members.map((m) => sentenceRef(sentences[m] as SentenceFeatures))),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const cite = (s: SentenceFeatures): Citation => ({
    articleId: s.articleId,
    sentenceId: s.sentenceId,
    quote: s.text,
    link: sentenceLink(byId.get(s.articleId) as Article, s.sentenceId, s.text),
  });
  const raw = [
    ...titleDisagreements(sentences),
    ...claimDisagreements(clusters, sentences, options.dictionary),
    ...figureDisagreements(sentences, clusters, groupOf, weights),
  ];
  const disagreements = strongestDisagreements(raw, articles, groupOf).map((d) => finishDisagreement(d, cite));
  return { articles, sentences, weights, vocabulary, claims, groupIds, lowInformation, disagreements, cite };
}

export function buildBriefing(inputs: ArticleInput[], options: EngineOptions & { topic?: string }): Briefing {
  const analysis = analyse(inputs, options);
  return briefingFromAnalysis(analysis, options);
}

export function briefingFromAnalysis(
  analysis: Analysis,
  options: EngineOptions & { topic?: string },
): Briefing {
  const topics = options.topic ? options.topics.filter((t) => t.id === options.topic) : options.topics;
  const known = options.topic !== undefined && topics.length > 0;
  // Each sentence's antecedent once (index; -1 none, -2 not yet known): every topic asks again.
  const antecedents = new Int32Array(analysis.sentences.length).fill(-2);
  const antecedentOf = (s: SentenceFeatures): SentenceFeatures | undefined => {
    let found = antecedents[s.index] ?? -1;
    if (found === -2) {
      found = antecedent(analysis.sentences, s)?.index ?? -1;
      antecedents[s.index] = found;
    }
    return found >= 0 ? analysis.sentences[found] : undefined;
  };
  const ranked = [...analysis.claims].sort((a, b) => b.salience - a.salience);
  const groups = new Map<string, string[]>();
  analysis.articles.forEach((a, i) => {
    const g = analysis.groupIds[i] as string;
    groups.set(g, [...(groups.get(g) ?? []), a.id]);
  });
  const budget = options.budget ?? DEFAULT_BUDGET;
  const briefed = topicBriefings(ranked, topicMatchers(known ? options.topics : topics), budget, analysis.cite, {
    weights: analysis.weights,
    antecedent: (s) => antecedentOf(s),
    lookup: (term) => analysis.vocabulary.lookup(term),
    ...(known ? { only: options.topic } : {}),
  });
  const briefing: Briefing = {
    story: options.story,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    engine: `${ENGINE_NAME}/${ENGINE_VERSION}`,
    articles: analysis.articles.map((a, i) => ({
      id: a.id,
      source: a.source,
      ...(a.title ? { title: a.title } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.outlet ? { outlet: a.outlet } : {}),
      ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
      ...(a.sentences[0] ? { lead: a.sentences[0].text } : {}),
      group: analysis.groupIds[i] as string,
      lowInformation: analysis.lowInformation[i] as boolean,
      sentences: a.sentences.length,
    })),
    groups: [...groups.entries()].map(([id, articleIds]) => ({ id, articleIds })),
    ...(options.topic ? {} : { overview: { points: overviewPoints(ranked, briefed, budget, analysis.cite, analysis.weights) } }),
    topics: briefed,
    disagreements: analysis.disagreements,
  };
  return withDisagreementTopics(briefing, analysis.claims, options.topic);
}

/**
 * The sentence before `s` in its article when `s` refers back to it: a demonstrative
 * ("this buildup", "these talks", "such a deal") or an opening pronoun ("It ...", "That ...").
 */
function antecedent(sentences: SentenceFeatures[], s: SentenceFeatures): SentenceFeatures | undefined {
  const before = sentences[s.index - 1];
  if (!before || before.articleIndex !== s.articleIndex) return undefined;
  return REFERS_BACK.test(s.text) ? before : undefined;
}

/** "this week", "that day": demonstratives that point at a time, not back at the previous sentence. */
const TIME_WORDS =
  'week|weekend|month|year|morning|afternoon|evening|night|time|day|decade|century|season|quarter|spring|summer|autumn|fall|winter';
const REFERS_BACK = new RegExp(
  `\\b(?:this|these|those|such)\\s+(?!(?:${TIME_WORDS}|is|was|are|were|will|would|could|may|might)s?\\b)[a-z]` +
    '|^(?:(?:but|and|yet|still|however|so|meanwhile),?\\s+)?(?:it|this|that|these|those)\\b',
  'i',
);

/** Group ids "g1", "g2", ... in order of first article, so they read well and stay stable. */
function groupIdsFor(groupOf: number[]): string[] {
  const names = new Map<number, string>();
  return groupOf.map((root) => {
    let name = names.get(root);
    if (!name) {
      name = `g${names.size + 1}`;
      names.set(root, name);
    }
    return name;
  });
}

/** Disagreements a briefing lists at most: past a dozen, a reader stops reading them. */
const MAX_DISAGREEMENTS = 12;
/** Sentences quoted per side of a disagreement; every article that says it is still named. */
const QUOTES_PER_VARIANT = 6;

/**
 * The disagreements best backed on every side (independent reports behind the weaker side, then
 * behind all sides), in their found order: a large set yields hundreds of one-report quibbles.
 */
function strongestDisagreements(raw: RawDisagreement[], articles: Article[], groupOf: number[]): RawDisagreement[] {
  if (raw.length <= MAX_DISAGREEMENTS) return raw;
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));
  const backing = (d: RawDisagreement) => {
    const perVariant = d.variants.map((v) => new Set(v.sentences.map((s) => groupOf[indexOf.get(s.articleId) as number])).size);
    return { weakest: Math.min(...perVariant), total: perVariant.reduce((a, b) => a + b, 0) };
  };
  const ranked = raw.map((d, i) => ({ d, i, ...backing(d) }));
  ranked.sort((a, b) => b.weakest - a.weakest || b.total - a.total || a.i - b.i);
  return ranked
    .slice(0, MAX_DISAGREEMENTS)
    .sort((a, b) => a.i - b.i)
    .map((r) => r.d);
}

function finishDisagreement(d: RawDisagreement, cite: (s: SentenceFeatures) => Citation): Disagreement {
  const cited = new Set<SentenceFeatures>();
  const variants = d.variants.map((v) => {
    for (const s of v.sentences.slice(0, QUOTES_PER_VARIANT)) cited.add(s);
    return { text: v.text, articleIds: [...new Set(v.sentences.map((s) => s.articleId))] };
  });
  // Topics come with the briefing (withDisagreementTopics): they depend on which claims it briefs.
  return { about: d.about, kind: d.kind, variants, citations: [...cited].map(cite), topicIds: [] };
}
