import { parseFeed as parseFeedXml } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { stripTracking } from '../pages/canonical-url.ts';

/** One item of a feed: where its article is, and what the feed says about it. */
export interface FeedEntry {
  /** Absolute http(s) URL of the article, tracking parameters removed. */
  url: string;
  title?: string;
  /** The feed's summary or content, as plain text (for keyword matching before a fetch). */
  summary?: string;
  publishedAt?: string;
  categories: string[];
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title?: string;
  entries: FeedEntry[];
  /** Items left out, and why (no link, not http(s), duplicate). */
  skipped: string[];
  /** Set when the XML is broken but items could still be read from it. */
  note?: string;
}

/** The text could not be read as an RSS or Atom feed. */
export class FeedParseError extends Error {
  readonly code = 'feed:invalid';

  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = 'FeedParseError';
  }
}

/**
 * RSS 2.0 / Atom text → the article URLs it lists, newest first as the feed orders them.
 * Parsing is @rowanmanning/feed-parser's (lenient, tested on real feeds, resolves relative
 * links against the feed's own link); `baseUrl` resolves what it leaves relative.
 */
export function parseFeed(xml: string, baseUrl: string): ParsedFeed {
  let feed: ReturnType<typeof parseFeedXml>;
  try {
    feed = parseFeedXml(xml);
  } catch (error) {
    throw new FeedParseError(`not an RSS or Atom feed (${(error as Error).message})`, { cause: error });
  }
  const format = feed.meta.type === 'atom' ? 'atom' : 'rss';
  const entries: FeedEntry[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  feed.items.forEach((item, i) => {
    const label = item.title ? `"${item.title.slice(0, 80)}"` : `item ${i + 1}`;
    const url = absoluteWebUrl(item.url, baseUrl);
    if (!url) {
      skipped.push(`${label}: ${item.url ? `link "${item.url.slice(0, 120)}" is not an http(s) URL` : 'no link'}`);
      return;
    }
    if (seen.has(url)) {
      skipped.push(`${label}: listed twice`);
      return;
    }
    seen.add(url);
    const summary = plainText(item.content ?? item.description);
    const published = item.published ?? item.updated;
    entries.push({
      url,
      ...(item.title ? { title: plainText(item.title) } : {}),
      ...(summary ? { summary } : {}),
      ...(published && !Number.isNaN(published.getTime()) ? { publishedAt: published.toISOString() } : {}),
      categories: item.categories.map((c) => c.label ?? c.term).filter((c): c is string => Boolean(c)),
    });
  });
  // The parser is lenient on purpose (real feeds have stray `&`s); a feed that is broken *and*
  // yields nothing is an error, not an empty feed.
  const problem = xmlProblem(xml);
  if (problem && entries.length === 0) throw new FeedParseError(`the feed is not well-formed XML (${problem}) and has no readable items`);
  const note = problem ? `the feed is not well-formed XML (${problem}); the items that could be read were kept` : undefined;
  return { format, ...(feed.title ? { title: plainText(feed.title) } : {}), entries, skipped, ...(note ? { note } : {}) };
}

function xmlProblem(xml: string): string | undefined {
  const result = XMLValidator.validate(xml);
  if (result === true) return undefined;
  const { msg, line } = result.err;
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(msg)?.[1];
  const what = unclosed ? `unclosed elements ${unclosed.replace(/[\s"]+/g, '').split(',').join(' > ')}` : msg.replace(/\.$/, '');
  return `line ${line}: ${what}`;
}

function absoluteWebUrl(link: string | null, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? stripTracking(url).href : undefined;
  } catch {
    return undefined;
  }
}

/** Feed summaries are often HTML; keyword matching wants words (entities are already decoded). */
function plainText(value: string | null | undefined): string | undefined {
  const text = value?.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
