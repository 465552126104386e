import { countsLine, plural } from '../../../render/counts.ts';
import type { Briefing, Disagreement, TopicBriefing } from '../../../core/types.ts';
import { ACTION_IDS, type ActionValue, encodeActionValue } from '../actions.ts';
import { actions, type Block, button, context, header, section, sectionsFromLines, type SlackMessage } from './blocks.ts';
import { escapeMrkdwn, mrkdwnLink, truncate } from './mrkdwn.ts';
import { type MessageParts, shortenToOne, splitMessages } from './pack.ts';
import { disagreementSections } from '../../../render/disagreement-sections.ts';
import { sourceNumbers } from '../../../render/source-numbers.ts';
import { citationRefs, fullBriefingUrl, type RenderOptions, slackDate, sourceLines } from './sources.ts';
import { briefingSections } from '../../../render/overview.ts';
import { storyTitle } from '../../../render/story-title.ts';
import { backingLabel } from '../../../render/corroboration.ts';

export interface BriefingContext extends RenderOptions {
  storyId: string;
  briefingId: string;
  /** The topic the briefing was narrowed to, if any (its button is highlighted). */
  topic?: string;
  /** Every topic of the story, for the switch buttons. */
  topics: { id: string; label: string }[];
}

/** Longest prose of one point or variant before its links; keeps every line inside one section. */
const MAX_PROSE = 1500;

/** A topic's points, each with its citations and how well it is backed (`render/corroboration.ts`). */
export function topicLines(topic: TopicBriefing, refs: Map<string, number>, articles: Briefing['articles'], options: RenderOptions): string[] {
  const lines = [`*${escapeMrkdwn(truncate(topic.label, 140))}*`];
  if (topic.points.length === 0) lines.push('_The articles say nothing on this topic._');
  for (const point of topic.points) {
    const backing = backingLabel(point, articles);
    lines.push(`• ${escapeMrkdwn(truncate(point.text, MAX_PROSE))} ${citationRefs(point.citations, refs, options)}${backing ? ` _(${backing})_` : ''}`);
  }
  return lines;
}

/** Where sources differ, under `heading` (mrkdwn): a topic's own, or those no topic shown takes. */
export function disagreementLines(items: Disagreement[], refs: Map<string, number>, options: RenderOptions, heading = '*Sources differ*'): string[] {
  if (items.length === 0) return [];
  const lines = [heading];
  for (const d of items) {
    const variants = d.variants.map((v) => {
      const cites = d.citations.filter((c) => v.articleIds.includes(c.articleId));
      const refsText = cites.length > 0 ? citationRefs(cites, refs, options) : v.articleIds.map((id) => `[${refs.get(id) ?? '?'}]`).join(' ');
      return `“${escapeMrkdwn(truncate(v.text, 300))}” ${refsText}`;
    });
    lines.push(`• ${escapeMrkdwn(truncate(d.about, 200))}: ${variants.join(' vs ')}`);
  }
  return lines;
}

/**
 * Each topic's points with the disagreements about them right below, then those about no topic
 * shown; one run of sections per topic so a topic and its disagreements stay together.
 */
export function topicSectionLines(
  topics: TopicBriefing[],
  disagreements: Disagreement[],
  articles: Briefing['articles'],
  options: RenderOptions,
): string[][] {
  const refs = sourceNumbers(articles);
  const differ = disagreementSections(topics, disagreements);
  return [
    ...topics.map((topic) => [...topicLines(topic, refs, articles, options), ...disagreementLines(differ.byTopic.get(topic.id) ?? [], refs, options, '_Sources differ_')]),
    disagreementLines(differ.rest, refs, options, `*${escapeMrkdwn(differ.restTitle)}*`),
  ];
}

/** The sources cited above (all of them can be listed with the Sources button or /summit sources). */
export function citedSourceLines(
  articles: Briefing['articles'],
  cited: Set<string>,
  options: RenderOptions,
): string[] {
  if (cited.size === 0) return [];
  const lines = ['*Sources*', ...sourceLines(articles, options, cited)];
  const rest = articles.length - cited.size;
  if (rest > 0) lines.push(`_…and ${plural(rest, 'more article')} — use the Sources button or \`/summit sources\`._`);
  return lines;
}

/** Articles cited by any point or disagreement: the sources listed under them. */
export function citedArticles(topics: TopicBriefing[], disagreements: Disagreement[]): Set<string> {
  const ids = new Set<string>();
  for (const t of topics) for (const p of t.points) for (const c of p.citations) ids.add(c.articleId);
  for (const d of disagreements) for (const c of d.citations) ids.add(c.articleId);
  return ids;
}

function briefingParts(briefing: Briefing, ctx: BriefingContext): MessageParts {
  const counts = countsLine(briefing.articles);
  const title = storyTitle(briefing);
  const body: Block[] = [];
  const sections = briefingSections(briefing);
  for (const lines of topicSectionLines(sections, briefing.disagreements, briefing.articles, ctx)) body.push(...sectionsFromLines(lines));
  body.push(...sectionsFromLines(citedSourceLines(briefing.articles, citedArticles(sections, briefing.disagreements), ctx)));
  const full = fullBriefingUrl(ctx.briefingId, ctx);
  const contextLine = [`${escapeMrkdwn(briefing.engine)} · ${slackDate(briefing.generatedAt)}`];
  if (full) contextLine.push(mrkdwnLink(full, 'Full briefing'));
  // Notes (e.g. "the LLM failed; the offline engine wrote this") must reach the reader.
  for (const note of briefing.notes ?? []) contextLine.push(escapeMrkdwn(truncate(note, 300)));
  const value = (topic?: string): string => encodeActionValue({ story: ctx.storyId, ...(topic ? { topic } : {}) } satisfies ActionValue);
  const buttons = [
    button(ACTION_IDS.allTopics, 'All topics', value(), !ctx.topic),
    ...ctx.topics.slice(0, 22).map((t, i) => button(`${ACTION_IDS.topicPrefix}${i}`, t.label, value(t.id), ctx.topic === t.id)),
    button(ACTION_IDS.sources, 'Sources', value()),
  ];
  return {
    text: `${escapeMrkdwn(truncate(title, 200))}: ${counts}`,
    head: [header(`${truncate(title, 150 - counts.length - 3)} — ${counts}`)],
    body: body.length > 0 ? body : [section('_The articles say nothing on these topics._')],
    tail: [context(...contextLine), actions('summit_briefing_actions', buttons)],
  };
}

/** The whole briefing: one message when it fits, else continuation messages (posted in its thread). */
export function renderBriefing(briefing: Briefing, ctx: BriefingContext): SlackMessage[] {
  return splitMessages(briefingParts(briefing, ctx));
}

/** The briefing in exactly one message (for chat.update), shortened with a pointer to the rest. */
export function renderBriefingShortened(briefing: Briefing, ctx: BriefingContext): SlackMessage {
  const full = fullBriefingUrl(ctx.briefingId, ctx);
  return shortenToOne(briefingParts(briefing, ctx), (omitted) =>
    context(
      `Shortened: ${plural(omitted, 'more section')} not shown. ${
        full ? mrkdwnLink(full, 'Read the full briefing') : 'Pick one topic, or run `/summit brief` for the whole briefing.'
      }`,
    ),
  );
}
