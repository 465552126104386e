import { countsLine } from './counts.ts';
import type { Answer, Briefing, Disagreement, Point } from '../core/types.ts';
import { briefingSections } from './overview.ts';
import { disagreementSections } from './disagreement-sections.ts';
import { sourceNumbers } from './source-numbers.ts';
import { articleOutlet, articleTitle } from './article-title.ts';
import { storyTitle } from './story-title.ts';

/**
 * Terminal-friendly Markdown: the overview first, numbered source references [n] per article, where sources differ
 * under each topic (the rest after the topics) and the sources list with rewrite groups and low-information flags.
 */
export function briefingToMarkdown(briefing: Briefing): string {
  const refNumber = sourceNumbers(briefing.articles);
  const lines: string[] = [];
  lines.push(`# ${storyTitle(briefing)}`);
  lines.push('');
  lines.push(
    `${countsLine(briefing.articles)} · story \`${briefing.story}\` · ${briefing.engine} · ${briefing.generatedAt}`,
  );
  for (const note of briefing.notes ?? []) lines.push('', `> Note: ${note}`);
  const differ = disagreementSections(briefingSections(briefing), briefing.disagreements);
  const differLines = (items: Disagreement[]) =>
    items.map((d) => {
      const variants = d.variants
        .map((v) => `“${v.text}” ${v.articleIds.map((id) => `[${refNumber.get(id)}]`).join('')}`)
        .join(' vs ');
      return `- ${d.about} — ${variants}`;
    });
  const pointLine = (point: Point) => {
    const refs = [...new Set(point.citations.map((c) => refNumber.get(c.articleId)))]
      .map((n) => `[${n}]`)
      .join('');
    const single = point.independentSources === 1 ? ' _(single source)_' : '';
    return `- ${point.text} ${refs}${single}`;
  };
  for (const topic of briefingSections(briefing)) {
    lines.push('', `## ${topic.label}`, '');
    if (topic.points.length === 0) lines.push('_The articles say nothing on this topic._');
    lines.push(...topic.points.map(pointLine));
    const here = differ.byTopic.get(topic.id) ?? [];
    if (here.length > 0) lines.push('', '**Sources differ**', '', ...differLines(here));
  }
  if (differ.rest.length > 0) lines.push('', `## ${differ.restTitle}`, '', ...differLines(differ.rest));
  lines.push('', '## Sources', '');
  for (const a of briefing.articles) {
    const flags = [`group ${a.group}`];
    const sameGroup = briefing.articles.filter((o) => o.group === a.group).length;
    if (sameGroup > 1) flags.push(`rewrite of ${sameGroup - 1} other${sameGroup > 2 ? 's' : ''}`);
    if (a.lowInformation) flags.push('low information');
    const outlet = articleOutlet(a);
    const name = `${articleTitle(a)}${outlet ? ` — ${outlet}` : ''}${a.url ? ` <${a.url}>` : ''}`;
    lines.push(`[${refNumber.get(a.id)}] ${name} (${flags.join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}

export function answerToMarkdown(answer: Answer, sources: Map<string, string>): string {
  const lines = [answer.answer, ''];
  for (const note of answer.notes ?? []) lines.push(`> Note: ${note}`, '');
  answer.citations.forEach((c, i) => {
    lines.push(`[${i + 1}] “${c.quote}” — ${sources.get(c.articleId) ?? c.articleId} ${c.link}`);
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
