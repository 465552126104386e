import type { ArticleInput } from '../core/types.ts';
import type { ContentKind } from '../ingest/fetch/content-type.ts';
import { FetchError } from '../ingest/fetch/errors.ts';
import type { FetchRequest, Fetched, NotModified } from '../ingest/fetch/safe-fetch.ts';
import { KeywordFilter } from '../ingest/feeds/keywords.ts';
import { type FeedEntry, parseFeed } from '../ingest/feeds/parse-feed.ts';
import { stripTracking } from '../ingest/pages/canonical-url.ts';
import { PageError } from '../ingest/pages/errors.ts';
import { type PageHints, pageToArticle } from '../ingest/pages/page-article.ts';

export interface Fetcher {
  fetch(request: FetchRequest): Promise<Fetched | NotModified>;
}

export interface CollectOptions {
  fetcher: Fetcher;
  keywords?: readonly string[];
  /** Validators of the last successful fetch of this URL (conditional GET). */
  etag?: string;
  lastModified?: string;
  /** Of the URLs given, those fetched on an earlier poll (they are not fetched again). */
  seen?: (urls: string[]) => Promise<Set<string>>;
  /** New feed items fetched this time at most; the rest are left for the next time. */
  maxItems: number;
  concurrency?: number;
  /** Called as feed items are fetched (the CLI's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface ItemProblem {
  url: string;
  code: string;
  reason: string;
}

export interface Collected {
  status: 'ok' | 'not-modified';
  kind?: ContentKind;
  /** The address after redirects. */
  url: string;
  etag?: string;
  lastModified?: string;
  articles: ArticleInput[];
  /** Fetched and done with: remember them so later polls skip them. Failed transiently: not here. */
  settled: string[];
  problems: ItemProblem[];
  /** Fetched but matching no keyword. */
  filtered: number;
  /** New items beyond `maxItems`, left for the next poll. */
  deferred: number;
  notes: string[];
}

/**
 * Reads one source: a feed (every new item's page is fetched and extracted) or a single article
 * page. A failure of the source itself (refused, unreachable, not a feed or page, no text) is
 * thrown as a SourceReadError; failures of single items are collected and never stop the rest.
 */
export async function collect(url: string, options: CollectOptions): Promise<Collected> {
  const filter = new KeywordFilter(options.keywords ?? []);
  const first = await options.fetcher.fetch({
    url,
    accept: ['feed', 'html'],
    ...(options.etag ? { etag: options.etag } : {}),
    ...(options.lastModified ? { lastModified: options.lastModified } : {}),
  });
  const base = { url: first.url, ...(first.etag ? { etag: first.etag } : {}), ...(first.lastModified ? { lastModified: first.lastModified } : {}) };
  const empty = { articles: [], settled: [], problems: [], filtered: 0, deferred: 0 };
  if (first.status === 'not-modified') return { status: 'not-modified', ...base, ...empty, notes: [] };
  const notes = first.note ? [first.note] : [];

  if (first.kind === 'html') {
    const outcome = pageToArticle(first);
    if (!outcome.ok) throw new PageError(first.url, `${outcome.reason} (${new URL(first.url).host})`);
    const matched = filter.match(outcome.article.title, outcome.article.text);
    return {
      status: 'ok',
      kind: 'html',
      ...base,
      ...empty,
      articles: matched ? [outcome.article] : [],
      filtered: matched ? 0 : 1,
      notes: [...notes, ...outcome.notes],
    };
  }

  const feed = parseFeed(first.text, first.url);
  if (feed.note) notes.push(feed.note);
  notes.push(...feed.skipped.map((s) => `skipped ${s}`));
  const seen = options.seen ? await options.seen(feed.entries.map((e) => e.url)) : new Set<string>();
  const fresh = feed.entries.filter((e) => !seen.has(e.url));
  const batch = fresh.slice(0, options.maxItems);
  const result: Collected = { status: 'ok', kind: 'feed', ...base, ...empty, articles: [], settled: [], problems: [], deferred: fresh.length - batch.length, notes };
  let done = 0;
  options.onProgress?.(0, batch.length);
  await forEachLimited(batch, options.concurrency ?? 4, async (entry) => {
    const outcome = await readItem(entry, options.fetcher, filter);
    if (outcome.article) result.articles.push(outcome.article);
    if (outcome.filtered) result.filtered++;
    if (outcome.problem) result.problems.push(outcome.problem);
    if (outcome.settled) result.settled.push(entry.url);
    options.onProgress?.(++done, batch.length);
  });
  // Keep the feed's order (newest first, usually) whatever order the fetches finished in.
  const order = new Map(batch.map((e, i) => [e.url, i]));
  const rank = (a: ArticleInput) => order.get(a.source) ?? order.get(a.url ?? '') ?? batch.length;
  result.articles.sort((a, b) => rank(a) - rank(b));
  return result;
}

interface ItemOutcome {
  article?: ArticleInput;
  filtered?: boolean;
  problem?: ItemProblem;
  settled: boolean;
}

async function readItem(entry: FeedEntry, fetcher: Fetcher, filter: KeywordFilter): Promise<ItemOutcome> {
  try {
    const page = await fetcher.fetch({ url: entry.url, accept: ['html'] });
    if (page.status !== 'ok') return { settled: true };
    const hints: PageHints = { ...(entry.title ? { title: entry.title } : {}), ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}) };
    const outcome = pageToArticle(page, hints);
    if (!outcome.ok) return { settled: true, problem: { url: entry.url, code: 'page:no-text', reason: outcome.reason } };
    // Fetched from a redirect: the source names the item's link, so feed order is kept.
    const article = { ...outcome.article, source: stripTracking(entry.url).href };
    const matched = filter.match(entry.title, entry.summary, entry.categories.join(' '), article.title, article.text);
    return matched ? { settled: true, article } : { settled: true, filtered: true };
  } catch (error) {
    // One unreadable item never stops the others; it is reported with its reason.
    if (!(error instanceof FetchError)) {
      return { settled: true, problem: { url: entry.url, code: 'page:unreadable', reason: `the page could not be read (${(error as Error).message})` } };
    }
    // Transient failures are tried again on the next poll; permanent ones are not.
    return { settled: !error.transient, problem: { url: entry.url, code: error.code, reason: error.message } };
  }
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}
