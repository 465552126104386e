import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { IngestPathError } from '../../src/ingest/errors.ts';
import { readArticles } from '../../src/ingest/read-articles.ts';
import { SYMLINK_SKIPPED } from '../../src/ingest/reasons.ts';

const fixtures = new URL('../fixtures/ingest/', import.meta.url).pathname;
const seedSet = new URL('../../data/summit-2025/', import.meta.url).pathname;

const BODY = 'Sanae Takaichi met Donald Trump in Tokyo on Tuesday to discuss trade and defence.';
const SECOND = 'The talks ended with a framework on rare earths, officials said.';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summit-ingest-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes one file into its own folder, so each test reads exactly what it wrote. */
async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const folder = await mkdtemp(join(dir, 'case-'));
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('readArticles: plain text', () => {
  test('a short first line set apart by a blank line is the title', async () => {
    const path = await fixture('story.txt', `Takaichi meets Trump in Tokyo\n\n${BODY}\n${SECOND}\n`);
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(articles, [
      { source: 'story.txt', title: 'Takaichi meets Trump in Tokyo', text: `${BODY}\n${SECOND}` },
    ]);
  });

  test('without a headline all text is kept', async () => {
    const path = await fixture('story.txt', `${BODY}\n\n${SECOND}\r\n`);
    const { articles } = await readArticles(path);
    assert.deepEqual(articles, [{ source: 'story.txt', text: `${BODY}\n\n${SECOND}` }]);
  });

  test('a first line ending like a sentence is not a title', async () => {
    const path = await fixture('story.txt', `Trump arrived in Tokyo.\n\n${BODY}`);
    const [article] = (await readArticles(path)).articles;
    assert.equal(article?.title, undefined);
    assert.equal(article?.text, `Trump arrived in Tokyo.\n\n${BODY}`);
  });

  test('markdown: the heading marker is not part of the title', async () => {
    const path = await fixture('story.md', `# Takaichi meets Trump\n\n${BODY}\n`);
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(articles, [{ source: 'story.md', title: 'Takaichi meets Trump', text: BODY }]);
  });

  test('a UTF-8 byte order mark is stripped', async () => {
    const path = await fixture(
      'bom.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY)]),
    );
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.equal(articles[0]?.text, BODY);
  });
});

describe('readArticles: HTML', () => {
  test('keeps the article text in paragraphs and drops scripts, navigation and widgets', async () => {
    const { articles, warnings } = await readArticles(join(fixtures, 'article.html'));
    assert.deepEqual(warnings, []);
    const [article] = articles;
    assert.ok(article);
    assert.equal(article.source, 'article.html');
    assert.equal(article.title, 'Takaichi and Trump meet in Tokyo');
    assert.equal(article.url, 'https://news.example.com/world/takaichi-trump-tokyo');
    assert.equal(article.publishedAt, '2025-10-28T09:30:00Z');
    for (const chrome of ['TRACKING-SCRIPT', 'INLINE-SCRIPT', 'NAV-LINK', 'SHARE-WIDGET', 'Tweet']) {
      assert.ok(!article.text.includes(chrome), `"${chrome}" should be gone`);
    }
    for (const chrome of ['RELATED-WIDGET', 'FOOTER-TEXT', 'font-family', 'Copy link']) {
      assert.ok(!article.text.includes(chrome), `"${chrome}" should be gone`);
    }
    const paragraphs = article.text.split('\n\n');
    assert.equal(
      paragraphs[0],
      'Japan’s new prime minister, Sanae Takaichi, met President Donald Trump in Tokyo on Tuesday, ' +
        'promising a “new golden age” for the alliance between the two countries & their economies.',
    );
    assert.ok(paragraphs.includes('Trade and defence'), 'a heading stays its own paragraph');
    assert.ok(paragraphs.includes('Rare earths framework signed'), 'list items are paragraphs');
    assert.ok(article.text.includes('welcomed by Washington.\nTrump praised'), '<br> is a line break');
    assert.ok(article.text.includes('Café owners in Ginza'), 'named entities are decoded');
    assert.ok(article.text.includes('for hours — an inconvenience'), 'numeric entities are decoded');
    assert.ok(!article.text.includes('&'.concat('amp;')), 'no entity is left encoded');
  });

  test('a page Readability cannot parse falls back to the body without its chrome', async () => {
    const html =
      '<html><head><title>Notice</title></head><body><header>MASTHEAD</header><nav>Home NAV</nav>' +
      `<div>${BODY}</div><footer>FOOTER</footer><script>track()</script></body></html>`;
    const path = await fixture('notice.htm', html);
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(articles, [{ source: 'notice.htm', title: 'Notice', text: BODY }]);
  });
});

describe('readArticles: JSON', () => {
  test('an article with text; its url is the source', async () => {
    const record = {
      url: 'https://ex.com/a',
      title: 'T',
      outlet: 'Ex',
      publishedAt: '2025-10-28',
      text: BODY,
    };
    const path = await fixture('a.json', JSON.stringify(record));
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(articles, [{ source: 'https://ex.com/a', ...record }]);
  });

  test('an article with html is extracted like an HTML file; the file name is the source', async () => {
    const html = `<h1>Leaders meet</h1><nav>NAV</nav><p>${BODY}</p><p>${SECOND} &amp; more</p>`;
    const path = await fixture('b.json', JSON.stringify({ outlet: 'Ex', html }));
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(articles, [
      { source: 'b.json', title: 'Leaders meet', outlet: 'Ex', text: `${BODY}\n\n${SECOND} & more` },
    ]);
  });

  test('invalid JSON is a warning with the parse message', async () => {
    const path = await fixture('bad.json', '{"text": "unterminated');
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(articles, []);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.file, 'bad.json');
    assert.match(warnings[0]?.reason ?? '', /^invalid JSON: .*(Unterminated|JSON)/);
  });

  test('a record without text or html is a warning', async () => {
    const path = await fixture('c.json', JSON.stringify({ title: 'Only a title' }));
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(articles, []);
    assert.deepEqual(warnings, [
      { file: 'c.json', reason: 'invalid article: needs a "text" or "html" string' },
    ]);
  });
});

describe('readArticles: ndjson', () => {
  test('bad lines are warnings naming file:line, good lines are kept', async () => {
    const lines = [
      JSON.stringify({ url: 'https://ex.com/1', text: BODY }),
      '{"text": oops}',
      '',
      JSON.stringify({ text: SECOND }),
      JSON.stringify({ text: 42 }),
      JSON.stringify({ text: 'too short' }),
    ];
    const path = await fixture('set.ndjson', `${lines.join('\n')}\n`);
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(articles, [
      { source: 'https://ex.com/1', url: 'https://ex.com/1', text: BODY },
      { source: 'set.ndjson:4', text: SECOND },
    ]);
    assert.deepEqual(
      warnings.map((warning) => warning.file),
      ['set.ndjson:2', 'set.ndjson:5', 'set.ndjson:6'],
    );
    assert.match(warnings[0]?.reason ?? '', /^invalid JSON: /);
    assert.match(warnings[1]?.reason ?? '', /^invalid article: text: /);
    assert.equal(warnings[2]?.reason, 'no usable text');
  });

  test('a file over the size limit is fine when each line is under it', async () => {
    const line = JSON.stringify({ text: BODY });
    const path = await fixture('big.jsonl', `${Array(50).fill(line).join('\n')}\n`);
    const { articles, warnings } = await readArticles(path, { maxFileBytes: line.length + 1 });
    assert.deepEqual(warnings, []);
    assert.equal(articles.length, 50);
    assert.equal(articles[49]?.source, 'big.jsonl:50');
  });

  test('a line over the size limit is skipped with a warning', async () => {
    const small = JSON.stringify({ text: BODY });
    const huge = JSON.stringify({ text: BODY.repeat(20) });
    const path = await fixture('mixed.ndjson', [small, huge, small].join('\r\n'));
    const { articles, warnings } = await readArticles(path, { maxFileBytes: 200 });
    assert.deepEqual(
      articles.map((article) => article.source),
      ['mixed.ndjson:1', 'mixed.ndjson:3'],
    );
    assert.deepEqual(warnings, [
      { file: 'mixed.ndjson:2', reason: `too large (${Buffer.byteLength(huge) + 1} bytes > 200)` },
    ]);
  });

  test('UTF-16 with a byte order mark is read line by line', async () => {
    const text = `${JSON.stringify({ text: `Café ${BODY}` })}\n${JSON.stringify({ text: SECOND })}\n`;
    const path = await fixture(
      'wide.ndjson',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      articles.map((article) => article.text),
      [`Café ${BODY}`, SECOND],
    );
  });
});

describe('readArticles: bad input', () => {
  test('an empty or whitespace-only file is "empty"', async () => {
    for (const [name, content] of [
      ['empty.txt', ''],
      ['blank.md', ' \n\t\n  '],
      ['empty.ndjson', '\n\n'],
      ['empty.json', ''],
    ] as const) {
      const path = await fixture(name, content);
      assert.deepEqual(await readArticles(path), {
        articles: [],
        warnings: [{ file: name, reason: 'empty' }],
      });
    }
  });

  test('binary data is reported, not read as text', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    for (const name of ['image.txt', 'image.ndjson']) {
      const path = await fixture(name, png);
      assert.deepEqual(await readArticles(path), {
        articles: [],
        warnings: [{ file: name, reason: 'binary data' }],
      });
    }
  });

  test('control characters without NUL bytes are binary too', async () => {
    const noise = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 26))));
    const path = await fixture('noise.txt', noise);
    assert.deepEqual((await readArticles(path)).warnings, [{ file: 'noise.txt', reason: 'binary data' }]);
  });

  test('windows-1252 text is decoded with a warning and kept', async () => {
    const text = `“Smart quotes” from the café: ${BODY}`;
    const path = await fixture('legacy.txt', iconv.encode(text, 'windows-1252'));
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, [{ file: 'legacy.txt', reason: 'decoded as windows-1252' }]);
    assert.equal(articles[0]?.text, text);
  });

  test('UTF-16LE with a byte order mark is decoded silently', async () => {
    const text = `Tokyo summit — café\n\n“${BODY}”`;
    const path = await fixture(
      'wide.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const { articles, warnings } = await readArticles(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(articles, [{ source: 'wide.txt', title: 'Tokyo summit — café', text: `“${BODY}”` }]);
  });

  test('a file over maxFileBytes is skipped', async () => {
    const path = await fixture('huge.txt', BODY.repeat(100));
    const size = BODY.length * 100;
    assert.deepEqual(await readArticles(path, { maxFileBytes: 1000 }), {
      articles: [],
      warnings: [{ file: 'huge.txt', reason: `too large (${size} bytes > 1000)` }],
    });
  });

  test('an unsupported file type is skipped', async () => {
    const path = await fixture('report.pdf', BODY);
    assert.deepEqual(await readArticles(path), {
      articles: [],
      warnings: [{ file: 'report.pdf', reason: 'unsupported file type (.pdf)' }],
    });
  });

  test('text under 20 characters is not usable', async () => {
    const path = await fixture('stub.html', '<html><body><p>Read more</p></body></html>');
    assert.deepEqual((await readArticles(path)).warnings, [{ file: 'stub.html', reason: 'no usable text' }]);
  });

  test('a missing path throws IngestPathError', async () => {
    const missing = join(dir, 'no-such-folder');
    await assert.rejects(readArticles(missing), (error: unknown) => {
      assert.ok(error instanceof IngestPathError);
      assert.equal(error.code, 'ingest:path-not-found');
      assert.equal(error.path, missing);
      return true;
    });
  });
});

describe('readArticles: folders', () => {
  test('reads files in name order and keeps good files next to bad ones', async () => {
    const folder = join(dir, 'set');
    await mkdir(join(folder, 'nested'), { recursive: true });
    await writeFile(join(folder, 'b.txt'), SECOND);
    await writeFile(join(folder, 'a.txt'), BODY);
    await writeFile(join(folder, 'c.json'), '{');
    await writeFile(join(folder, '.hidden.txt'), BODY);
    await writeFile(join(folder, 'Readme.MD'), '# About this set\n\nNot an article, just notes.');
    await writeFile(join(folder, 'notes.md'), `Notes\n\n${BODY}`);
    const { articles, warnings } = await readArticles(folder);
    assert.deepEqual(
      articles.map((article) => article.source),
      ['a.txt', 'b.txt', 'notes.md'],
    );
    assert.deepEqual(
      warnings.map((warning) => warning.file),
      ['c.json', 'nested'],
    );
  });

  test('a symbolic link is skipped with a warning naming it, wherever it points', async () => {
    const folder = join(dir, 'links');
    await mkdir(folder, { recursive: true });
    const outside = join(dir, 'secret.txt');
    await writeFile(outside, `root:x:0:0:root:/root:/bin/bash ${BODY}`);
    await writeFile(join(folder, 'a.txt'), BODY);
    await symlink(outside, join(folder, 'b.txt'));
    await symlink(join(folder, 'a.txt'), join(folder, 'c.txt'));
    const { articles, warnings } = await readArticles(folder);
    assert.deepEqual(articles.map((article) => article.source), ['a.txt']);
    assert.deepEqual(warnings, [
      { file: 'b.txt', reason: SYMLINK_SKIPPED },
      { file: 'c.txt', reason: SYMLINK_SKIPPED },
    ]);
  });

  test('the bundled seed set gives five articles and no warnings', async () => {
    const { articles, warnings } = await readArticles(seedSet);
    assert.deepEqual(warnings, []);
    assert.equal(articles.length, 5);
    assert.deepEqual(
      articles.map((article) => article.source),
      [
        '000_5c5742ab3072e602.txt',
        '001_6fb326663b7b9149.txt',
        '002_a960c30da92131fb.txt',
        '003_51babbdaaf9b0020.txt',
        '004_319a6e469f81aadb.txt',
      ],
    );
    assert.equal(articles[2]?.title, 'Japan’s Prime Minister Takaichi Engages Trump on Trade and Security');
    for (const article of articles) assert.ok(article.text.length > 1000);
  });
});
