import { countsLine } from './counts.ts';
import type { Answer, Briefing, Disagreement, Point } from '../core/types.ts';
import { briefingSections } from './overview.ts';
import { disagreementSections } from './disagreement-sections.ts';
import { sourceNumbers } from './source-numbers.ts';
import { articleOutlet, articleTitle } from './article-title.ts';
import { storyTitle } from './story-title.ts';
import { backingLabel, rewriteNote, rewriteOriginals } from './corroboration.ts';

/**
 * Terminal-friendly Markdown: the overview first, numbered source references [n] per article, where sources differ
 * under each topic (the rest after the topics) how well each point is backed (`corroboration.ts`) and the sources list marking rewrites and low-information articles.
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
    const backing = backingLabel(point, briefing.articles);
    return `- ${point.text} ${refs}${backing ? ` _(${backing})_` : ''}`;
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
  const originals = rewriteOriginals(briefing.articles);
  for (const a of briefing.articles) {
    const notes = [rewriteNote(a.id, originals, refNumber), a.lowInformation ? 'low information' : undefined].filter(
      (n) => n !== undefined,
    );
    const outlet = articleOutlet(a);
    const name = `${articleTitle(a)}${outlet ? ` — ${outlet}` : ''}${a.url ? ` <${a.url}>` : ''}`;
    lines.push(`[${refNumber.get(a.id)}] ${name}${notes.length > 0 ? ` — ${notes.join(', ')}` : ''}`);
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
