import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ArticleOutcome, ExtractedArticle } from './build-article.ts';
import { buildArticle } from './build-article.ts';
import { decodeBytes } from './decode.ts';
import { htmlToArticle } from './html-to-text.ts';
import { jsonArticle } from './json-article.ts';
import { splitHeadline } from './plain-text.ts';
import { readNdjson } from './read-ndjson.ts';
import { BINARY, decodedAs, EMPTY, NO_USABLE_TEXT, tooLarge, unsupported } from './reasons.ts';
import type { IngestResult } from './types.ts';

type WholeFileKind = 'text' | 'markdown' | 'html' | 'json';

const WHOLE_FILE_KINDS: Record<string, WholeFileKind> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};
const LINE_FILE_EXTENSIONS = new Set(['.ndjson', '.jsonl']);

/** Reads the articles in one file, named `name` in warnings and sources. Never throws for bad content. */
export async function readArticleFile(
  path: string,
  name: string,
  maxFileBytes: number,
): Promise<IngestResult> {
  const extension = extname(name).toLowerCase();
  if (LINE_FILE_EXTENSIONS.has(extension)) return readNdjson(path, name, maxFileBytes);
  const kind = WHOLE_FILE_KINDS[extension];
  if (!kind) return warning(name, unsupported(extension));

  const { size } = await stat(path);
  if (size > maxFileBytes) return warning(name, tooLarge(size, maxFileBytes));
  const decoded = decodeBytes(await readFile(path));
  if (decoded.kind === 'binary') return warning(name, BINARY);
  if (decoded.text.trim() === '') return warning(name, EMPTY);

  const result: IngestResult = { articles: [], warnings: [] };
  if (decoded.guessed) result.warnings.push({ file: name, reason: decodedAs(decoded.guessed) });
  const outcome = kind === 'json' ? jsonArticle(decoded.text, name) : textArticle(kind, decoded.text, name);
  if ('article' in outcome) result.articles.push(outcome.article);
  else result.warnings.push({ file: name, reason: outcome.reason });
  return result;
}

function textArticle(kind: Exclude<WholeFileKind, 'json'>, text: string, name: string): ArticleOutcome {
  const extracted: ExtractedArticle =
    kind === 'html' ? htmlToArticle(text) : splitHeadline(text, { markdown: kind === 'markdown' });
  const article = buildArticle(name, extracted);
  return article ? { article } : { reason: NO_USABLE_TEXT };
}

function warning(file: string, reason: string): IngestResult {
  return { articles: [], warnings: [{ file, reason }] };
}
