import { plural } from '../../render/counts.ts';
import type { Briefing, Citation, Disagreement, TopicBriefing } from '../../core/types.ts';
import { type Html, html, safeHref } from '../html.ts';
import { formatDate } from './article-page.ts';
import { layout } from './layout.ts';
import { disagreementSections } from '../../render/disagreement-sections.ts';
import { sourcesSection } from './sources-section.ts';
import { independentSources, type SourceNumbers, sourceNumbers } from '../../render/source-numbers.ts';
import { briefingSections } from '../../render/overview.ts';
import { storyTitle } from '../../render/story-title.ts';
import { backingLabel } from '../../render/corroboration.ts';

/**
 * The full briefing — every topic and point with where sources disagree on it, the
 * disagreements no topic takes, how well each point is backed, and the sources marking rewrites and flags. The page
 * chat posts link to when they had to shorten a briefing.
 * `base` is the token prefix pages were reached through ("" otherwise); site links keep it.
 */
export function briefingPage(briefing: Briefing, base: string): Html {
  const numbers: SourceNumbers = sourceNumbers(briefing.articles);
  const name = storyTitle(briefing);
  const title = `${name}: briefing`;
  const sections = briefingSections(briefing);
  const differ = disagreementSections(sections, briefing.disagreements);
  const body = html`<header>
<h1>${name}</h1>
<p class="meta">story <code>${briefing.story}</code> · ${plural(briefing.articles.length, 'article')} from ${plural(independentSources(briefing.articles), 'independent source')} · ${formatDate(briefing.generatedAt)} · ${briefing.engine}</p>
${(briefing.notes ?? []).map((n) => html`<p class="note">${n}</p>`)}
</header>
${sections.map((t) => topicSection(t, differ.byTopic.get(t.id) ?? [], briefing.articles, numbers, base))}
${differ.rest.length > 0 ? html`<section id="disagreements">
<h2>${differ.restTitle}</h2>
${disagreementList(differ.rest, numbers, base)}</section>
` : ''}
${sourcesSection(briefing, numbers, base)}
<footer><p>Every point is a sentence of the articles, shortened; the numbers link to the sentences it comes from.</p></footer>`;
  return layout({ title, body });
}

function topicSection(
  topic: TopicBriefing,
  disagreements: Disagreement[],
  articles: Briefing['articles'],
  numbers: SourceNumbers,
  base: string,
): Html {
  return html`<section id="topic-${topic.id}">
<h2>${topic.label}</h2>
${
  topic.points.length === 0
    ? html`<p class="meta">The articles say nothing on this topic.</p>`
    : html`<ol class="points">${topic.points.map(
        (p) => {
          const backing = backingLabel(p, articles);
          return html`<li>${p.text} ${citationLinks(p.citations, numbers, base)}${backing ? html` <span class="backing">(${backing})</span>` : ''}</li>`;
        },
      )}</ol>`
}${disagreements.length > 0 ? html`
<h3 class="differ">Sources differ</h3>
${disagreementList(disagreements, numbers, base)}` : ''}
</section>
`;
}

function disagreementList(disagreements: Disagreement[], numbers: SourceNumbers, base: string): Html {
  return html`<ul class="disagreements">${disagreements.map(
    (d) => html`<li><strong>${d.about}</strong> <span class="meta">(${d.kind})</span>
<ul class="variants">${d.variants.map(
      (v) => html`<li>“${v.text}” ${citationLinks(
        v.articleIds.map((id) => d.citations.find((c) => c.articleId === id) ?? { articleId: id }),
        numbers,
        base,
      )}</li>`,
    )}</ul></li>`,
  )}</ul>
`;
}

/** `[2]`-style links: to the quoted sentence when the citation has a link, else to the source's entry below. */
export function citationLinks(citations: (Citation | { articleId: string; quote?: undefined; link?: undefined })[], numbers: SourceNumbers, base: string): Html {
  const seen = new Set<string>();
  const links = citations.flatMap((c) => {
    const key = `${c.articleId}:${c.link ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const n = numbers.get(c.articleId);
    const href = safeHref(c.link, base) ?? (n ? `#source-${n}` : undefined);
    const label = `[${n ?? '?'}]`;
    return href ? [html`<a class="cite" href="${href}" title="${c.quote ?? ''}" rel="noopener noreferrer">${label}</a>`] : [html`<span>${label}</span>`];
  });
  return html`<span class="cites">${links}</span>`;
}
