import type { BriefingArticle, Citation } from '../../../core/types.ts';
import { sourceNumbers } from '../../../render/source-numbers.ts';
import { absoluteLink, escapeMrkdwn, mrkdwnLink, truncate } from './mrkdwn.ts';
import { articleOutlet, articleTitle } from '../../../render/article-title.ts';
import { rewriteNote, rewriteOriginals } from '../../../render/corroboration.ts';

export interface RenderOptions {
  /** PUBLIC_BASE_URL: makes `/articles/…` and `/briefings/…` links absolute. */
  publicBaseUrl?: string;
}

/** Citations shown per point before "+N more", so one widely reported claim cannot fill a message. */
const MAX_REFS_PER_POINT = 8;

export function articleLabel(article: BriefingArticle): string {
  return articleTitle(article);
}

/** `[1] [3]` as links to the cited sentences (one per article), plain numbers when not linkable. */
export function citationRefs(citations: Citation[], refs: Map<string, number>, options: RenderOptions): string {
  const firstPerArticle = new Map<string, Citation>();
  for (const c of citations) if (!firstPerArticle.has(c.articleId)) firstPerArticle.set(c.articleId, c);
  const ordered = [...firstPerArticle.values()].sort(
    (a, b) => (refs.get(a.articleId) ?? 0) - (refs.get(b.articleId) ?? 0),
  );
  const shown = ordered
    .slice(0, MAX_REFS_PER_POINT)
    .map((c) => mrkdwnLink(absoluteLink(c.link, options.publicBaseUrl), `[${refs.get(c.articleId) ?? '?'}]`));
  const more = ordered.length - MAX_REFS_PER_POINT;
  return more > 0 ? `${shown.join(' ')} +${more} more` : shown.join(' ');
}

/** One line per source: number, linked title, outlet, "rewrite of [n]" and low-information flags. */
export function sourceLines(articles: BriefingArticle[], options: RenderOptions, only?: Set<string>): string[] {
  const refs = sourceNumbers(articles);
  const originals = rewriteOriginals(articles);
  return articles
    .filter((a) => !only || only.has(a.id))
    .map((a) => {
      const link = absoluteLink(a.url ?? `/articles/${a.id}`, options.publicBaseUrl);
      const flags: string[] = [];
      const outlet = articleOutlet(a);
      if (outlet) flags.push(escapeMrkdwn(truncate(outlet, 80)));
      const rewrite = rewriteNote(a.id, originals, refs);
      if (rewrite) flags.push(rewrite);
      if (a.lowInformation) flags.push('_low information_');
      const label = mrkdwnLink(link, truncate(articleLabel(a), 200));
      return `[${refs.get(a.id)}] ${label}${flags.length > 0 ? ` · ${flags.join(' · ')}` : ''}`;
    });
}

/** The web page of a whole briefing, when PUBLIC_BASE_URL is configured. */
export function fullBriefingUrl(briefingId: string | undefined, options: RenderOptions): string | undefined {
  return briefingId && options.publicBaseUrl
    ? `${options.publicBaseUrl}/briefings/${encodeURIComponent(briefingId)}`
    : undefined;
}

/** Slack shows `<!date^…>` in each reader's own time zone; the fallback is the ISO time. */
export function slackDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMrkdwn(iso);
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${new Date(ms).toISOString()}>`;
}

