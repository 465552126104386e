import type { ArticlePage } from '../../core/ports/article-page-repository.ts';
import { type Html, html, safeHref } from '../html.ts';
import { layout } from './layout.ts';

/** Sentences per paragraph: the engine keeps sentences, not paragraphs, and a wall of text is hard to read on a phone. */
const PARAGRAPH = 4;

/**
 * An article as the engine cleaned it, every sentence anchored (`id="s12"`): a citation's
 * `/articles/<id>#s12` scrolls to its sentence and `:target` highlights it — no script needed.
 */
export function articlePage(article: ArticlePage): Html {
  const title = article.title ?? article.source;
  const original = safeHref(article.url, '');
  const paragraphs: ArticlePage['sentences'][] = [];
  let previous: number | undefined;
  for (const sentence of article.sentences) {
    const current = paragraphs.at(-1);
    // A gap in the numbering (a dropped sentence) or a full paragraph starts a new one.
    if (!current || current.length >= PARAGRAPH || (previous !== undefined && sentence.id !== previous + 1)) paragraphs.push([sentence]);
    else current.push(sentence);
    previous = sentence.id;
  }
  const meta = [article.outlet, article.publishedAt ? formatDate(article.publishedAt) : undefined].filter(Boolean).join(' · ');
  const link = original ? html`<a href="${original}" rel="noopener noreferrer">original article</a>` : undefined;
  const body = html`<article>
<h1>${title}</h1>
${meta || link ? html`<p class="meta">${meta}${meta && link ? ' · ' : ''}${link}</p>` : ''}
<div class="article-text">
${paragraphs.map((p) => html`<p>${p.map((s) => html`<span class="sentence" id="s${s.id}">${s.text}</span> `)}</p>\n`)}
</div>
<footer><p>The text as summit read it, cleaned; numbered sentences are what briefings cite.</p></footer>
</article>`;
  return layout({ title, body });
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}
