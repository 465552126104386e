import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import iconv from 'iconv-lite';
import { decodeBytes, utf16Bom } from './decode.ts';
import { jsonArticle } from './json-article.ts';
import { readLines } from './read-lines.ts';
import { BINARY, decodedAs, EMPTY, tooLarge } from './reasons.ts';
import type { IngestResult } from './types.ts';

const SNIFF_BYTES = 4096;

/**
 * Reads one article per line, streaming so that a large file is fine as long as each line is
 * within `maxLineBytes`. Bad lines are reported as `file:line` and skipped; good lines are kept.
 */
export async function readNdjson(path: string, name: string, maxLineBytes: number): Promise<IngestResult> {
  const result: IngestResult = { articles: [], warnings: [] };
  const head = await readHead(path);
  const utf16 = utf16Bom(head);
  // A binary file would otherwise yield one warning per stray newline byte.
  if (!utf16 && head.includes(0)) return { ...result, warnings: [{ file: name, reason: BINARY }] };

  let sawLine = false;
  for await (const line of readLines(openChunks(path, utf16), maxLineBytes)) {
    const file = `${name}:${line.number}`;
    if ('tooLarge' in line) {
      sawLine = true;
      result.warnings.push({ file, reason: tooLarge(line.tooLarge, maxLineBytes) });
      continue;
    }
    const decoded = decodeBytes(line.bytes);
    if (decoded.kind === 'binary') {
      sawLine = true;
      result.warnings.push({ file, reason: BINARY });
      continue;
    }
    // Blank lines (a trailing newline, spacing between records) are not records.
    if (decoded.text.trim() === '') continue;
    sawLine = true;
    if (decoded.guessed) result.warnings.push({ file, reason: decodedAs(decoded.guessed) });
    const outcome = jsonArticle(decoded.text, file);
    if ('article' in outcome) result.articles.push(outcome.article);
    else result.warnings.push({ file, reason: outcome.reason });
  }
  if (!sawLine) result.warnings.push({ file: name, reason: EMPTY });
  return result;
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-16 files are decoded on the fly, since their newlines are not single 0x0a bytes. */
function openChunks(
  path: string,
  utf16: 'utf-16le' | 'utf-16be' | undefined,
): AsyncIterable<Buffer | string> {
  const bytes = createReadStream(path);
  if (!utf16) return bytes;
  // Errors reach the consumer through the last stream, which pipeline destroys with them.
  return pipeline(bytes, iconv.decodeStream(utf16), () => {});
}
