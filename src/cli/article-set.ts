import { basename, resolve } from 'node:path';
import type { ArticleInput } from '../core/types.ts';
import { BUNDLED_SET } from '../ingest/bundled-data.ts';
import { IngestPathError } from '../ingest/errors.ts';
import { readArticles } from '../ingest/read-articles.ts';
import { UserError } from './errors.ts';

export { BUNDLED_SET } from '../ingest/bundled-data.ts';

export interface ArticleSet {
  story: string;
  articles: ArticleInput[];
}

/** Reads an article set, reporting each skipped file on stderr; fails only when nothing is usable. */
export async function loadArticleSet(
  path: string | undefined,
  warn: (text: string) => void,
): Promise<ArticleSet> {
  const target = path ?? BUNDLED_SET;
  let result: Awaited<ReturnType<typeof readArticles>>;
  try {
    result = await readArticles(target);
  } catch (error) {
    if (error instanceof IngestPathError)
      throw new UserError(`no such file or directory: ${target}`, 'cli:path');
    throw error;
  }
  for (const w of result.warnings) warn(`summit: warning: ${w.file}: ${w.reason}\n`);
  if (result.articles.length === 0) {
    throw new UserError(`no usable articles in ${target}`, 'cli:no-articles');
  }
  return { story: basename(resolve(target)).replace(/\.[a-z]+$/i, ''), articles: result.articles };
}
