/** Warning texts, kept in one place so readers and tests agree on them. */
export const EMPTY = 'empty';
export const BINARY = 'binary data';
export const NO_USABLE_TEXT = 'no usable text';
/** Text with unpaired surrogates: not Unicode, so it cannot be stored or shown faithfully. */
export const INVALID_TEXT = 'invalid text (not well-formed Unicode)';
export const SYMLINK_SKIPPED = 'symbolic link skipped (only the folder\'s own files are read)';

export function tooLarge(size: number, limit: number): string {
  return `too large (${size} bytes > ${limit})`;
}

export function decodedAs(encoding: string): string {
  return `decoded as ${encoding}`;
}

export function invalidJson(error: unknown): string {
  return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

export function unsupported(extension: string): string {
  return extension ? `unsupported file type (${extension})` : 'unsupported file type';
}

export function unreadable(error: unknown): string {
  return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
}

export function invalidArticle(detail: string): string {
  return `invalid article: ${detail}`;
}

export function tooManyArticles(count: number, limit: number): string {
  return `too many articles in one job (${count} > ${limit})`;
}
