import type { Briefing } from '../../core/types.ts';
import { type Html, html, safeHref } from '../html.ts';
import type { SourceNumbers } from '../../render/source-numbers.ts';
import { articleOutlet, articleTitle } from '../../render/article-title.ts';

/** Every article, numbered as in the points above, with its rewrite group and low-information flag. */
export function sourcesSection(briefing: Briefing, numbers: SourceNumbers, base: string): Html {
  const groupOf = new Map<string, string[]>();
  for (const group of briefing.groups) for (const id of group.articleIds) groupOf.set(id, group.articleIds);
  return html`<section id="sources">
<h2>Sources</h2>
<ol class="sources">${briefing.articles.map((a) => {
    const n = numbers.get(a.id) as number;
    const original = safeHref(a.url, '');
    const copy = safeHref(`/articles/${encodeURIComponent(a.id)}`, base);
    const others = (groupOf.get(a.id) ?? []).filter((id) => id !== a.id);
    const title = articleTitle(a);
    const outlet = articleOutlet(a);
    return html`<li id="source-${n}" value="${n}">${original ? html`<a href="${original}" rel="noopener noreferrer">${title}</a>` : title}${
      outlet ? html` <span class="meta">— ${outlet}</span>` : ''
    }<br><span class="meta"><a href="${copy}">summit’s copy</a>${
      others.length > 0 ? html` · rewrite group with ${others.map((id) => html`<a href="#source-${numbers.get(id) ?? '?'}">[${numbers.get(id) ?? '?'}]</a> `)}(counted once)` : ''
    }</span>${a.lowInformation ? html` <span class="flag">· low information: few specific facts</span>` : ''}</li>`;
  })}</ol>
</section>
`;
}
