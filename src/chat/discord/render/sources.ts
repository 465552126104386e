import { plural } from '../../../render/counts.ts';
import type { APIEmbed } from 'discord.js';
import type { BriefingArticle } from '../../../core/types.ts';
import { maskedLink } from './links.ts';
import { packEmbeds } from './pack.ts';
import { articleUrl } from './refs.ts';
import { inertText, truncate } from './text.ts';
import { articleOutlet, articleTitle } from '../../../render/article-title.ts';
import { rewriteNote, rewriteOriginals } from '../../../render/corroboration.ts';
import { independentSources, sourceNumbers } from '../../../render/source-numbers.ts';

/** One line per source: number, linked title, outlet, "rewrite of [n]" and flags. */
export function sourceLines(articles: BriefingArticle[], publicBaseUrl?: string): string[] {
  const numbers = sourceNumbers(articles);
  const originals = rewriteOriginals(articles);
  return articles.map((a, i) => {
    // Brackets are dropped from labels (not escaped): an escaped bracket inside a masked link's label is fragile.
    const name = truncate(inertText(articleTitle(a).replace(/[[\]]/g, '')), 200);
    const url = articleUrl(a, publicBaseUrl);
    const flags: string[] = [];
    const outlet = articleOutlet(a);
    if (outlet) flags.push(truncate(inertText(outlet), 80));
    const rewrite = rewriteNote(a.id, originals, numbers);
    if (rewrite) flags.push(rewrite);
    if (a.lowInformation) flags.push('low information');
    return `**${i + 1}.** ${url ? maskedLink(name, url) : name}${flags.length ? ` — ${flags.join(' · ')}` : ''}`;
  });
}

/** The `/summit sources` reply: the story's sources in one message, shortened when very long. */
export function sourcesEmbeds(story: string, articles: BriefingArticle[], publicBaseUrl?: string, fullUrl?: string): APIEmbed[] {
  const embeds = packEmbeds(
    [{ title: truncate(`Sources: ${inertText(story)}`, 256), color: 0x4a5568, description: sourceLines(articles, publicBaseUrl).join('\n') }],
    {
      maxMessages: 1,
      footer: { text: `${plural(articles.length, 'article')} from ${plural(independentSources(articles), 'independent source')}` },
      ...(fullUrl ? { fullUrl } : {}),
    },
  );
  return embeds[0] ?? [];
}
