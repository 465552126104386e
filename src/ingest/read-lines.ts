export type Line = { number: number; bytes: Buffer } | { number: number; tooLarge: number };

/**
 * Splits a byte stream into lines without holding more than one line (up to `maxLineBytes`) in memory.
 * Works on bytes, not text, so each line can be decoded on its own and an oversized line is only counted.
 */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 0;

  const append = (piece: Buffer) => {
    size += piece.length;
    if (size <= maxLineBytes) parts.push(piece);
    else parts = [];
  };
  const finish = (): Line => {
    number++;
    const line = size > maxLineBytes ? { number, tooLarge: size } : { number, bytes: Buffer.concat(parts) };
    parts = [];
    size = 0;
    return line;
  };

  for await (const piece of chunks) {
    // Text chunks (from a decoding stream) are measured and split as UTF-8.
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
      append(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    append(chunk.subarray(start));
  }
  if (size > 0) yield finish();
}
