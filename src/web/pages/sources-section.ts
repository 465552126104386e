import type { Briefing } from '../../core/types.ts';
import { type Html, html, safeHref } from '../html.ts';
import type { SourceNumbers } from '../../render/source-numbers.ts';
import { articleOutlet, articleTitle } from '../../render/article-title.ts';
import { rewriteOriginals } from '../../render/corroboration.ts';

/** Every article, numbered as in the points above, marking each rewrite's original and low-information articles. */
export function sourcesSection(briefing: Briefing, numbers: SourceNumbers, base: string): Html {
  const originals = rewriteOriginals(briefing.articles);
  return html`<section id="sources">
<h2>Sources</h2>
<ol class="sources">${briefing.articles.map((a) => {
    const n = numbers.get(a.id) as number;
    const original = safeHref(a.url, '');
    const copy = safeHref(`/articles/${encodeURIComponent(a.id)}`, base);
    const rewriteOf = originals.get(a.id);
    const originalNumber = rewriteOf === undefined ? undefined : (numbers.get(rewriteOf) ?? '?');
    const title = articleTitle(a);
    const outlet = articleOutlet(a);
    return html`<li id="source-${n}" value="${n}">${original ? html`<a href="${original}" rel="noopener noreferrer">${title}</a>` : title}${
      outlet ? html` <span class="meta">— ${outlet}</span>` : ''
    }<br><span class="meta"><a href="${copy}">summit’s copy</a>${
      originalNumber !== undefined ? html` · <span class="rewrite">rewrite of <a href="#source-${originalNumber}">[${originalNumber}]</a></span>` : ''
    }</span>${a.lowInformation ? html` <span class="flag">· low information: few specific facts</span>` : ''}</li>`;
  })}</ol>
</section>
`;
}
