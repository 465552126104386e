import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/ingest/decode.ts';
import { splitHeadline } from '../../src/ingest/plain-text.ts';
import { type Line, readLines } from '../../src/ingest/read-lines.ts';

describe('splitHeadline', () => {
  const body = 'The body of the story follows here.';

  test('takes a short unpunctuated first line followed by a blank line', () => {
    assert.deepEqual(splitHeadline(`\n  Leaders meet  \n\n${body}`), { title: 'Leaders meet', text: body });
  });

  test('keeps lines that read like sentences, quotes or long paragraphs', () => {
    const long = Array(26).fill('word').join(' ');
    for (const first of ['Leaders meet.', 'Why now?', 'He said “yes”', 'She said "no"', long]) {
      assert.deepEqual(splitHeadline(`${first}\n\n${body}`), { text: `${first}\n\n${body}` });
    }
  });

  test('needs a blank line after the headline and text after it', () => {
    assert.deepEqual(splitHeadline(`Leaders meet\n${body}`), { text: `Leaders meet\n${body}` });
    assert.deepEqual(splitHeadline('Leaders meet\n\n'), { text: 'Leaders meet' });
  });

  test('drops markdown heading markers only for markdown', () => {
    assert.deepEqual(splitHeadline(`## Leaders meet ##\n\n${body}`, { markdown: true }), {
      title: 'Leaders meet',
      text: body,
    });
    assert.equal(splitHeadline(`# Leaders meet\n\n${body}`).title, '# Leaders meet');
  });
});

describe('decodeBytes', () => {
  test('valid UTF-8 is not guessed', () => {
    assert.deepEqual(decodeBytes(Buffer.from('café “x”')), {
      kind: 'text',
      text: 'café “x”',
      guessed: undefined,
    });
  });

  test('a guess of a Unicode encoding for non-UTF-8 bytes falls back to windows-1252', () => {
    // chardet calls a lone 0xE9 byte UTF-32LE.
    assert.deepEqual(decodeBytes(Buffer.from([0xe9])), { kind: 'text', text: 'é', guessed: 'windows-1252' });
  });

  test('other legacy encodings are decoded as detected', () => {
    const text = 'Příliš žluťoučký kůň úpěl ďábelské ódy. Žluťoučký kůň se napil z řeky u mostu.';
    const decoded = decodeBytes(iconv.encode(text, 'windows-1250'));
    assert.equal(decoded.kind, 'text');
    assert.ok(decoded.kind === 'text' && decoded.guessed);
    assert.equal(decoded.kind === 'text' && decoded.text, text);
  });

  test('UTF-16BE with a byte order mark', () => {
    const bytes = Buffer.from(Buffer.from('\ufeffcafé', 'utf16le').swap16());
    assert.deepEqual(decodeBytes(bytes), { kind: 'text', text: 'café', guessed: undefined });
  });
});

describe('readLines', () => {
  async function collect(chunks: (string | Buffer)[], max: number): Promise<Line[]> {
    const lines: Line[] = [];
    for await (const line of readLines(toAsync(chunks), max)) lines.push(line);
    return lines;
  }
  async function* toAsync(chunks: (string | Buffer)[]) {
    yield* chunks;
  }
  const text = (line: Line | undefined) => (line && 'bytes' in line ? line.bytes.toString() : line);

  test('joins lines split across chunks and keeps the last line without a newline', async () => {
    const lines = await collect(['ab', 'c\nde', '\n\nf', 'g'], 100);
    assert.deepEqual(lines.map(text), ['abc', 'de', '', 'fg']);
    assert.deepEqual(
      lines.map((line) => line.number),
      [1, 2, 3, 4],
    );
  });

  test('counts an oversized line without keeping it', async () => {
    const lines = await collect(['ok\n12345', '67890\nok'], 5);
    assert.deepEqual(lines, [
      { number: 1, bytes: Buffer.from('ok') },
      { number: 2, tooLarge: 10 },
      { number: 3, bytes: Buffer.from('ok') },
    ]);
  });
});
