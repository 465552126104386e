import type { ArticleInput } from '../core/types.ts';

/** Something in the input was skipped or altered; `file` is a file name, or `file:line` for ndjson. */
export interface IngestWarning {
  file: string;
  reason: string;
}

export interface IngestResult {
  articles: ArticleInput[];
  warnings: IngestWarning[];
}

/** Article fields other than `source` and `text`, as found in a file's metadata. */
export type ArticleMeta = Pick<ArticleInput, 'title' | 'url' | 'outlet' | 'publishedAt'>;
