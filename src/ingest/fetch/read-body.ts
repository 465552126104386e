import type { IncomingMessage } from 'node:http';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from './errors.ts';

/**
 * Reads a response body, decompressing as the server says, and stops as soon as the decoded
 * size passes `maxBytes` (a huge page or a compression bomb never fills memory). The total
 * deadline is the caller's signal; aborting destroys the socket.
 */
export async function readBody(response: IncomingMessage, options: { maxBytes: number; url: string; signal: AbortSignal }): Promise<Buffer> {
  const { maxBytes, url } = options;
  const declared = Number(response.headers['content-length']);
  const encoding = String(response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (Number.isFinite(declared) && declared > maxBytes && (encoding === 'identity' || encoding === '')) {
    response.destroy();
    throw tooLarge(url, maxBytes, `says it is ${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(url, maxBytes, 'kept going'));
      chunks.push(chunk);
      done();
    },
  });
  const stages: (Readable | NodeJS.ReadWriteStream)[] = [response];
  const decoder = decompressor(encoding, url);
  if (decoder) stages.push(decoder);
  try {
    await pipeline([...stages, collect] as unknown as [Readable, Writable], { signal: options.signal });
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (options.signal.aborted) throw options.signal.reason instanceof FetchError ? options.signal.reason : error;
    if (decoder && (error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw new FetchError('fetch:decode', url, `the body's ${encoding} compression is corrupt`, { cause: error });
    }
    throw new FetchError('fetch:connection', url, `the connection broke while reading the body (${(error as Error).message})`, { cause: error });
  }
  return Buffer.concat(chunks, size);
}

function decompressor(encoding: string, url: string): NodeJS.ReadWriteStream | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new FetchError('fetch:decode', url, `the server used a content encoding summit cannot read ("${encoding}")`);
  }
}

function tooLarge(url: string, maxBytes: number, detail: string): FetchError {
  return new FetchError('fetch:too-large', url, `the response is larger than the ${formatBytes(maxBytes)} limit (it ${detail})`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
