import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArticleInput } from '../core/types.ts';
import { IngestPathError } from './errors.ts';
import { MAX_ARTICLE_BYTES } from './limits.ts';
import { readArticleFile } from './read-file.ts';
import { SYMLINK_SKIPPED, unreadable } from './reasons.ts';
import type { IngestResult, IngestWarning } from './types.ts';

export type { IngestResult, IngestWarning } from './types.ts';

export interface ReadArticlesOptions {
  /** Files (for ndjson: lines) larger than this are skipped with a warning. */
  maxFileBytes?: number;
}


/**
 * Reads an article set: one file, or the files of a folder in name order (not recursive;
 * hidden files, symbolic links and the set's README.md are skipped). Bad files become warnings; only a missing
 * path throws.
 */
export async function readArticles(path: string, options: ReadArticlesOptions = {}): Promise<IngestResult> {
  const maxFileBytes = options.maxFileBytes ?? MAX_ARTICLE_BYTES;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) {
    throw new RangeError(`maxFileBytes must be a positive number, got ${maxFileBytes}`);
  }
  const root = await statPath(path);
  if (!root.isDirectory()) return readOne(path, basename(path), maxFileBytes);

  const articles: ArticleInput[] = [];
  const warnings: IngestWarning[] = [];
  for (const name of await listArticleFiles(path)) {
    const result = await readEntry(join(path, name), name, maxFileBytes);
    articles.push(...result.articles);
    warnings.push(...result.warnings);
  }
  return { articles, warnings };
}

async function statPath(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new IngestPathError(path, { cause: error });
    throw error;
  }
}

async function listArticleFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  // Code-unit order, so the order does not depend on the machine's locale.
  return names.filter((name) => !name.startsWith('.') && name.toLowerCase() !== 'readme.md').sort();
}

async function readEntry(path: string, name: string, maxFileBytes: number): Promise<IngestResult> {
  try {
    // A link could bring in any file the process can read (/etc/passwd): a folder holds its own files.
    const info = await lstat(path);
    if (info.isSymbolicLink()) return warning(name, SYMLINK_SKIPPED);
    if (info.isDirectory()) return warning(name, 'folder skipped (folders are not read recursively)');
    // Reading a FIFO or device could block forever.
    if (!info.isFile()) return warning(name, 'not a regular file');
  } catch (error) {
    return warning(name, unreadable(error));
  }
  return readOne(path, name, maxFileBytes);
}

/** A file that cannot be read or parsed costs only its own articles. */
async function readOne(path: string, name: string, maxFileBytes: number): Promise<IngestResult> {
  try {
    return await readArticleFile(path, name, maxFileBytes);
  } catch (error) {
    return warning(name, unreadable(error));
  }
}

function warning(file: string, reason: string): IngestResult {
  return { articles: [], warnings: [{ file, reason }] };
}
