import { countsLine } from '../../../render/counts.ts';
import type { APIEmbed } from 'discord.js';
import type { Briefing, Disagreement, TopicBriefing } from '../../../core/types.ts';
import { briefingPageUrl, maskedLink } from './links.ts';
import type { MessageBody } from './message.ts';
import { packEmbeds } from './pack.ts';
import { disagreementSections } from '../../../render/disagreement-sections.ts';
import { sourceNumbers } from '../../../render/source-numbers.ts';
import { citationRefs } from './refs.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { inertText, truncate } from './text.ts';
import { briefingSections } from '../../../render/overview.ts';
import { storyTitle } from '../../../render/story-title.ts';
import { backingLabel } from '../../../render/corroboration.ts';

export interface RenderOptions {
  publicBaseUrl?: string;
  /** How many messages a long briefing may take before it is shortened. */
  maxMessages: number;
}

const TOPIC_COLOUR = 0x2b6cb0;
const DIFFER_COLOUR = 0xc05621;

/** Points of each topic, with how well each is backed, in one embed per topic (continued when long). */
export function topicEmbeds(topics: TopicBriefing[], briefing: Pick<Briefing, 'articles'>, publicBaseUrl?: string, empty?: string): APIEmbed[] {
  const numbers = sourceNumbers(briefing.articles);
  return topics
    .filter((t) => empty !== undefined || t.points.length > 0)
    .map((topic) => ({
      title: inertText(topic.label),
      color: TOPIC_COLOUR,
      description:
        topic.points.length === 0
          ? (empty ?? '')
          : topic.points
              .map((p) => {
                const backing = backingLabel(p, briefing.articles);
                return `• ${inertText(p.text)} ${citationRefs(p.citations, numbers, publicBaseUrl)}${backing ? ` *(${backing})*` : ''}`;
              })
              .join('\n'),
    }));
}

/** The "Sources differ" embed: who says what, with numbered sources. */
export function disagreementEmbed(
  title: string,
  disagreements: Disagreement[],
  briefing: Pick<Briefing, 'articles'>,
  publicBaseUrl?: string,
): APIEmbed[] {
  if (disagreements.length === 0) return [];
  const numbers = sourceNumbers(briefing.articles);
  const lines = disagreements.map((d) => {
    const variants = d.variants
      .map((v) => `“${inertText(v.text)}” ${citationRefs(d.citations, numbers, publicBaseUrl, v.articleIds)}`)
      .join(' vs ');
    return `• ${inertText(d.about)}: ${variants}`;
  });
  return [{ title, color: DIFFER_COLOUR, description: lines.join('\n') }];
}

/**
 * One embed per topic, each followed by where sources differ on it, then a "Sources differ"
 * embed for what no topic shown takes (`restBase` names it when alone).
 */
export function topicAndDisagreementEmbeds(
  topics: TopicBriefing[],
  disagreements: Disagreement[],
  briefing: Pick<Briefing, 'articles'>,
  options: { publicBaseUrl?: string; empty?: string; restBase?: string },
): APIEmbed[] {
  const differ = disagreementSections(topics, disagreements, options.restBase);
  return [
    ...topics.flatMap((topic) => [
      ...topicEmbeds([topic], briefing, options.publicBaseUrl, options.empty),
      ...disagreementEmbed(`${inertText(topic.label)}: sources differ`, differ.byTopic.get(topic.id) ?? [], briefing, options.publicBaseUrl),
    ]),
    ...disagreementEmbed(differ.restTitle, differ.rest, briefing, options.publicBaseUrl),
  ];
}

/** Counts line: "5 articles, 3 independent sources". */
export function sourceCounts(briefing: Pick<Briefing, 'articles'>): string {
  return countsLine(briefing.articles);
}

/**
 * A briefing as Discord messages: a header line, one embed per topic with where sources differ
 * on it, the disagreements no topic takes, and
 * a footer with the engine and time; split or shortened to Discord's limits.
 */
export function briefingMessages(result: { briefingId: string; briefing: Briefing }, options: RenderOptions): MessageBody[] {
  const { briefing } = result;
  const fullUrl = briefingPageUrl(options.publicBaseUrl, result.briefingId);
  const embeds = topicAndDisagreementEmbeds(briefingSections(briefing), briefing.disagreements, briefing, {
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
    empty: '*The articles say nothing on this topic.*',
  });
  const pages = packEmbeds(embeds, {
    maxMessages: options.maxMessages,
    footer: { text: briefing.engine, timestamp: briefing.generatedAt },
    hint: 'Pick one topic with the buttons or `/summit brief topic:`.',
    ...(fullUrl ? { fullUrl } : {}),
  });
  const notes = (briefing.notes ?? []).map((note) => `\n-# ${truncate(inertText(note), 300)}`).join('');
  const header = `**${truncate(inertText(storyTitle(briefing)), 200)}** · ${sourceCounts(briefing)}${fullUrl ? ` · ${maskedLink('full briefing', fullUrl)}` : ''}${notes}`;
  return pages.map((embeds, i) => ({
    content: i === 0 ? truncate(header, DISCORD_LIMITS.content) : '',
    embeds,
  }));
}
