import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Answer, Briefing } from '../../src/core/types.ts';
import { REPO, summit } from '../helpers/cli.ts';

/** The facts the engine issue requires of the bundled set, checked as score_briefing.py checks them. */
const PCT = '(?:\\s*%|\\s*per\\s?cent|\\s*percent)';
const A = (...alternatives: string[]) => new RegExp(alternatives.join('|'), 'i');
const FACTS: [string, string[], RegExp[]][] = [
  ['T1 tariffs 25%->15%', ['trade'], [A(`\\b25${PCT}`), A(`\\b15${PCT}`)]],
  ['T2 $550bn investment', ['trade'], [A('550')]],
  ['T3 purchases', ['trade'], [A('pickup|vehicles|trucks'), A('soybean|agricultur|farm|natural gas')]],
  ['T4 few expect major deals', ['trade'], [A('\\bfew\\b|not many'), A('agreement|concession|deal')]],
  ['T5 rare-earths document', ['trade', 'china'], [A('rare[- ]earth|critical mineral')]],
  [
    'D1 2% GDP by March',
    ['defence'],
    [A(`\\b2${PCT}`, `two${PCT}`), A('GDP|gross domestic'), A('March|fiscal year')],
  ],
  [
    'D2 Tomahawk/counterstrike',
    ['defence'],
    [A('tomahawk|cruise missile|retaliatory|counterstrike|longer-range')],
  ],
  ['D3 pay more for US troops', ['defence'], [A('pay more|contribute more'), A('troops|forces')]],
  [
    'D4 biggest build-up since WWII',
    ['defence'],
    [A('WWII|World War|Second World War'), A('build-?up|expansion')],
  ],
  ['D5 funding uncertain', ['defence'], [A('fund|financ'), A('yen|tax cut|uncertain|challeng')]],
  ['C1 suspicion of China', ['china'], [A('suspicion|wary|distrust'), A('China|Chinese')]],
  ['C2 rare-earth export controls', ['china', 'trade'], [A('export control'), A('rare[- ]earth')]],
  ['C3 Trump to meet Xi at APEC', ['china'], [A('\\bXi\\b'), A('APEC')]],
  ['C4 hardline/conciliatory', ['china'], [A('Yasukuni|hardline|hard-line|conciliatory')]],
];
const NOISE = [
  'Share this article',
  'đź',
  'Digital marketing',
  'SEO and content',
  'Impact Shorts',
  'More Shorts',
  'With inputs from agencies',
];

const run = summit(['brief', '--format', 'json']);
const briefing = JSON.parse(run.stdout) as Briefing;
const sources = new Map(
  readdirSync(join(REPO, 'data/summit-2025'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(join(REPO, 'data/summit-2025', f), 'utf8')]),
);
const keyOf = (articleId: string) => briefing.articles.find((a) => a.id === articleId)?.source.slice(0, 3);

test('the bundled briefing runs cleanly without services or keys', () => {
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.deepEqual(
    briefing.topics.map((t) => t.id),
    ['trade', 'defence', 'china'],
  );
});

for (const [id, topics, patterns] of FACTS) {
  test(`seed fact ${id}`, () => {
    const points = briefing.topics.filter((t) => topics.includes(t.id)).flatMap((t) => t.points);
    assert.ok(
      points.some((p) => patterns.every((re) => re.test(p.text))),
      `${id} missing from ${topics.join('/')}`,
    );
  });
}

test('rewrite group {000, 001, 003}; 002 and 004 stand alone; 002 is low-information', () => {
  const group = (key: string) => briefing.articles.find((a) => a.source.startsWith(key))?.group;
  assert.equal(group('000'), group('001'));
  assert.equal(group('000'), group('003'));
  assert.equal(new Set([group('000'), group('002'), group('004')]).size, 3);
  assert.deepEqual(
    briefing.articles.filter((a) => a.lowInformation).map((a) => a.source.slice(0, 3)),
    ['002'],
  );
});

test('no boilerplate anywhere in the output', () => {
  const text = JSON.stringify(briefing).toLowerCase();
  for (const noise of NOISE) assert.ok(!text.includes(noise.toLowerCase()), noise);
  const md = summit(['brief']).stdout.toLowerCase();
  for (const noise of NOISE) assert.ok(!md.includes(noise.toLowerCase()), noise);
});

test('every quote is a verbatim sentence of its article; every number in a point is in its quotes', () => {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  for (const point of briefing.topics.flatMap((t) => t.points)) {
    assert.ok(point.citations.length > 0, point.text);
    for (const c of point.citations) {
      const file = briefing.articles.find((a) => a.id === c.articleId)?.source ?? '';
      assert.ok(flat(sources.get(file) ?? '').includes(c.quote), `${keyOf(c.articleId)}: ${c.quote}`);
    }
    const quotes = point.citations
      .map((c) => c.quote)
      .join(' ')
      .replace(/,/g, '');
    for (const n of point.text.replace(/,/g, '').match(/\d+(?:\.\d+)?/g) ?? [])
      assert.ok(quotes.includes(n), n);
  }
});

test('at least two real disagreements: venue, Trump title, missiles', () => {
  const all = briefing.disagreements
    .map((d) => `${d.about} ${d.variants.map((v) => v.text).join(' | ')}`)
    .join('\n');
  assert.match(all, /official residence[\s\S]*state guest house|state guest house[\s\S]*official residence/);
  assert.match(all, /former President Trump \| President Trump|President Trump \| former President Trump/);
  assert.match(all, /cruise missiles[^|\n]* \| [^|\n]*Tomahawk missiles|Tomahawk missiles[^|\n]* \| [^|\n]*cruise missiles/);
  for (const d of briefing.disagreements) assert.ok(d.variants.length >= 2 && d.citations.length >= 2);
});

test('ask: what Japan will buy is answered with citations; Taiwan is not covered', () => {
  const buy = JSON.parse(
    summit(['ask', 'What will Japan buy from the United States?', '--format', 'json']).stdout,
  ) as Answer;
  assert.equal(buy.supported, true);
  assert.match(buy.answer, /trucks/);
  assert.match(buy.answer, /natural gas/);
  assert.ok(buy.citations.some((c) => /soybeans/.test(c.quote)));
  const taiwan = JSON.parse(summit(['ask', 'Did they discuss Taiwan?', '--format', 'json']).stdout) as Answer;
  assert.deepEqual([taiwan.supported, taiwan.citations.length], [false, 0]);
  assert.match(taiwan.answer, /don't say/);
});
