import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { summit } from '../helpers/cli.ts';

const GOOD = [
  'The city council approved a 40 million dollar budget for the new bridge on Tuesday.',
  'Mayor Ada Lovelace said construction would start in May and take three years.',
  'The bridge will carry 30,000 vehicles a day across the river.',
].join(' ');

function setWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'summit-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

test('bad files are reported by name on stderr and the rest is still briefed', () => {
  const dir = setWith({
    'good.txt': GOOD,
    'empty.txt': '',
    'broken.json': '{"text": ',
    'image.txt': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.alloc(64)]),
    'latin1.txt': iconv.encode(
      'The café owners said “business doubled” after the 2 million euro renovation.',
      'windows-1252',
    ),
    'lines.ndjson': `${JSON.stringify({ url: 'https://example.org/a', text: GOOD })}\nnot json\n`,
  });
  const run = summit(['brief', '--articles', dir, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /empty\.txt: empty/);
  assert.match(run.stderr, /broken\.json: invalid JSON/);
  assert.match(run.stderr, /image\.txt: binary data/);
  assert.match(run.stderr, /latin1\.txt: decoded as windows-1252/);
  assert.match(run.stderr, /lines\.ndjson:2: invalid JSON/);
  const briefing = JSON.parse(run.stdout);
  const sources = briefing.articles.map((a: { source: string }) => a.source).sort();
  assert.deepEqual(sources, ['good.txt', 'https://example.org/a', 'latin1.txt']);
});

test('exits non-zero with a clear message when the path does not exist', () => {
  const run = summit(['brief', '--articles', '/no/such/place']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /no such file or directory: \/no\/such\/place/);
});

test('exits non-zero when nothing usable remains', () => {
  const run = summit(['brief', '--articles', setWith({ 'empty.txt': '', 'x.json': '[' })]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /no usable articles/);
});

test('--topic limits the brief; an unknown topic is a clear error', () => {
  const one = JSON.parse(summit(['brief', '--topic', 'china', '--format', 'json']).stdout);
  assert.deepEqual(
    one.topics.map((t: { id: string }) => t.id),
    ['china'],
  );
  const bad = summit(['brief', '--topic', 'sports']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /unknown topic "sports"; topics are: trade, defence, china/);
});

test('a replacement topics file drives the topics; an invalid one is rejected', () => {
  const dir = setWith({
    'topics.json': JSON.stringify([{ id: 'transport', label: 'Transport', terms: ['bridge', 'vehicles'] }]),
    'bad-topics.json': JSON.stringify([{ id: 'Bad Id', label: 'x', terms: [] }]),
    'good.txt': GOOD,
  });
  const run = summit([
    'brief',
    '--articles',
    join(dir, 'good.txt'),
    '--topics',
    join(dir, 'topics.json'),
    '--format',
    'json',
  ]);
  const briefing = JSON.parse(run.stdout);
  assert.equal(briefing.topics[0].id, 'transport');
  assert.ok(briefing.topics[0].points.length > 0);
  const bad = summit(['brief', '--topics', join(dir, 'bad-topics.json')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /topics file .*bad-topics\.json: 0\.id/);
});

test('markdown output has numbered sources, where sources differ under each topic, and flags', () => {
  const md = summit(['brief']).stdout;
  assert.match(md, /^# Japan’s Prime Minister Takaichi Engages Trump on Trade and Security$/m, 'the story is titled from its headlines');
  assert.match(md, /story `summit-2025`/, 'the id commands take stays visible');
  assert.match(md, /^## Trade$/m);
  // The overview first; a disagreement sits under the section it is about (the title one under
  // the overview's lead), before the next section starts.
  assert.ok(md.indexOf('## Also making news') < md.indexOf('## Trade'), 'the overview comes first');
  assert.match(md, /^## Also making news\n[^#]*\*\*Sources differ\*\*\n\n- How Trump is titled/m);
  assert.match(md, /^## Defence\n[^#]*\*\*Sources differ\*\*\n\n- Detail: .*Tomahawk/m);
  assert.match(md, /^## Sources differ on other points$/m, 'a disagreement about no briefed point comes after the topics');
  assert.doesNotMatch(md, /^\[\d\] .*\.txt/m, 'sources are named, not file names');
  assert.match(summit(['brief', '--title', 'The Tokyo summit']).stdout, /^# The Tokyo summit$/m, 'a title set by whoever runs it wins');
  const defence = summit(['brief', '--topic', 'defence']).stdout;
  assert.match(defence, /Tomahawk/);
  assert.doesNotMatch(defence, /Also making news|state guest house|Sources differ on other points/, 'a one-topic brief shows only its own');
  assert.match(md, /^\[3\] .*low information/m);
  assert.match(md, /^- .+ \[\d\]/m);
});

test('usage errors exit 2 and --help exits 0', () => {
  assert.equal(summit(['brief', '--format', 'pdf']).code, 2);
  assert.equal(summit(['--help']).code, 0);
});
