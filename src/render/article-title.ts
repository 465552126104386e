import type { BriefingArticle } from '../core/types.ts';

/** Words of a lead sentence kept when it stands in for a missing headline. */
const LEAD_WORDS = 12;

/**
 * What a reader calls an article in a source list: its headline (or the page's <title> /
 * og:title kept at ingest), else its URL's slug made readable, else the start of its first
 * sentence — never a file name or a bare URL.
 */
export function articleTitle(a: Pick<BriefingArticle, 'title' | 'url' | 'lead'>): string {
  const title = a.title?.trim();
  if (title) return title;
  const slug = a.url ? slugTitle(a.url) : undefined;
  if (slug) return slug;
  const lead = a.lead?.trim();
  if (lead) {
    const words = lead.split(/\s+/);
    return words.length > LEAD_WORDS ? `${words.slice(0, LEAD_WORDS).join(' ')}…` : lead;
  }
  return 'Untitled article';
}

/** The outlet an article is from: as given, else its site's domain (without "www."). */
export function articleOutlet(a: Pick<BriefingArticle, 'outlet' | 'url'>): string | undefined {
  if (a.outlet?.trim()) return a.outlet.trim();
  if (!a.url) return undefined;
  try {
    const host = new URL(a.url).hostname.replace(/^www\./, '');
    return host || undefined;
  } catch {
    return undefined;
  }
}

/** "/2026/03/steel-tariffs-cut-to-10-percent.html?id=1" → "Steel tariffs cut to 10 percent". */
export function slugTitle(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const segments = path.split('/').map((s) => s.replace(/\.[a-z0-9]{1,5}$/i, '')).filter((s) => s.length > 0);
  // The last segment that reads as words: not a date part, an id or "index".
  for (const segment of segments.reverse()) {
    const words = segment
      .split(/[-_+\s]+/)
      .filter((w) => w.length > 0 && !/^[0-9a-f]{8,}$/i.test(w) && !/^\d{6,}$/.test(w));
    const letters = words.filter((w) => /[a-z]/i.test(w));
    if (letters.length < 2 || /^(index|default|article|story|amp)$/i.test(segment)) continue;
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  }
  return undefined;
}
