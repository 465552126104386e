import type { ArticleInput } from '../core/types.ts';
import { collect, type Fetcher } from '../sources/collect.ts';
import { isSourceReadError } from '../sources/errors.ts';
import { checkSourceUrl } from '../sources/source-input.ts';
import { UserError } from './errors.ts';
import type { Progress } from './progress.ts';

/** Anything with a scheme is an address (ftp:// and file:// then get a clear "http(s) only"). */
export function isWebAddress(argument: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(argument.trim());
}

/**
 * `summit ingest URL`: a feed (each item's page fetched, with a progress bar) or one article
 * page, through the same safe fetcher and extraction as the worker's polls. Items that fail are
 * reported on stderr with their reason; the command fails only when nothing usable remains.
 */
export async function articlesFromUrl(
  address: string,
  options: { fetcher: Fetcher; keywords: string[]; maxItems: number; stderr: (text: string) => void; progress: Progress },
): Promise<ArticleInput[]> {
  const url = checkSourceUrl(address);
  if (!url.ok) throw new UserError(url.error, 'cli:usage', 2);
  let collected;
  try {
    collected = await collect(url.value, {
      fetcher: options.fetcher,
      keywords: options.keywords,
      maxItems: options.maxItems,
      onProgress: (done, total) => options.progress.update(done, total),
    });
  } catch (error) {
    if (isSourceReadError(error)) {
      throw new UserError(`could not read ${url.value}: ${error.message}`, error.code);
    }
    throw error;
  } finally {
    options.progress.stop();
  }
  const { stderr } = options;
  for (const note of collected.notes) stderr(`summit: note: ${note}\n`);
  for (const problem of collected.problems) stderr(`summit: warning: skipped ${problem.url}: ${problem.reason}\n`);
  if (collected.kind === 'feed') {
    stderr(
      `summit: ${collected.url} is a feed: ${collected.articles.length} article(s) read` +
        (collected.filtered ? `, ${collected.filtered} without any keyword` : '') +
        (collected.deferred ? `, ${collected.deferred} more item(s) beyond --max-items` : '') +
        '\n',
    );
  }
  if (collected.articles.length === 0) {
    const why = collected.filtered ? `nothing there mentions ${options.keywords.join(', ')}` : 'no article text was found';
    throw new UserError(`nothing to ingest from ${url.value}: ${why}`, 'cli:nothing-to-ingest');
  }
  return collected.articles;
}
