import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unitShares } from '../../src/core/article-share.ts';
import { buildBriefing } from '../../src/core/engine.ts';
import { extractFeatures, Vocabulary } from '../../src/core/features.ts';
import { termOf } from '../../src/core/text/tokens.ts';
import type { Article } from '../../src/core/types.ts';
import { resolveMatcher, type TopicMatcher, topicMatchers, topicScoreIds } from '../../src/core/topics.ts';
import { options } from '../helpers/engine.ts';

const briefOne = (text: string, pointsPerTopic: number) =>
  buildBriefing([{ source: 'report.txt', text }], {
    ...options(),
    budget: { pointsPerTopic, wordsPerPoint: 40 },
  });
const pointsOf = (b: ReturnType<typeof briefOne>, topic: string) =>
  b.topics.find((t) => t.id === topic)?.points.map((p) => p.text) ?? [];

test('a sentence that refers back ("this expansion") is ranked as being about what it refers to', () => {
  const text = [
    'Parliament approved a plan on Monday to give the army 40 new helicopters and 200 drivers.',
    'Critics said this expansion of the army would strain public finances for years to come.',
    'Separately, a retired army cook opened a bakery in the northern town of Belfield in 2019.',
    'Rain fell across the capital for most of the week, and schools in the south closed early.',
  ].join(' ');
  const security = pointsOf(briefOne(text, 2), 'security');
  assert.equal(security.length, 2, security.join('\n'));
  assert.ok(security.some((p) => p.startsWith('Critics said this expansion')), security.join('\n'));
  assert.ok(!security.some((p) => p.includes('bakery')), 'a passing mention loses to the referring sentence');
});

test('a preview of what talks will cover ranks below a fact on the topic', () => {
  const text = [
    'Talks between the two delegations on Friday are expected to focus on tariffs and jobs.',
    'The tariff on imported steel rose to 18 percent this week, the customs office said.',
    'Rain fell across the capital for most of the week, and schools in the south closed early.',
    'Both delegations arrived by train from the coast on Thursday evening, officials said.',
  ].join(' ');
  const economy = pointsOf(briefOne(text, 1), 'economy');
  assert.deepEqual(economy, ['The tariff on imported steel rose to 18 percent this week, the customs office said.']);
});

test('term shares count rewrite groups, not copies', () => {
  const article = (id: string, text: string): Article => ({
    id,
    source: `${id}.txt`,
    sentences: [{ id: 1, text }],
    removed: [],
  });
  const inputs: Article[] = [
    article('a', 'Helicopters arrived at the northern base.'),
    article('b', 'Helicopters arrived at the northern base today.'),
    article('c', 'Trucks arrived at the northern base.'),
  ];
  const vocabulary = new Vocabulary();
  const sentences = extractFeatures(inputs, vocabulary);
  const shares = unitShares(sentences, [0, 0, 1], (s) => s.termIds);
  const share = (word: string) => shares.get(vocabulary.lookup(termOf(word) as string) as number);
  assert.equal(share('helicopters'), 0.5, 'two copies of one report are one of two reports');
  assert.equal(share('trucks'), 0.5);
  assert.equal(share('base'), 1);
  assert.equal(share('today'), 0.5);
});

test('independent reports of one figure in their own words become one point with two sources', () => {
  const inputs = [
    {
      source: 'wire.txt',
      text: [
        'The customs office raised the tariff on imported steel to 18 percent this week, officials confirmed.',
        'Rain fell across the capital for most of the week, and schools in the south closed early.',
      ].join(' '),
    },
    {
      source: 'paper.txt',
      text: [
        'Importers of foreign steel will pay a tariff of 18 percent, the finance ministry announced in a brief statement.',
        'The army said a new factory would open near the northern border in 2031 after years of delay.',
      ].join(' '),
    },
  ];
  const b = buildBriefing(inputs, options());
  const steel = b.topics.flatMap((t) => t.points).filter((p) => p.text.includes('18 percent'));
  assert.equal(new Set(steel.map((p) => p.claimId)).size, 1, steel.map((p) => p.text).join('\n'));
  assert.equal(steel[0]?.independentSources, 2);
});

test('claims with different figures stay apart however alike their words', () => {
  const inputs = [
    { source: 'a.txt', text: 'The government vowed to lift military spending to 2 percent of output by 2027, officials said.' },
    { source: 'b.txt', text: 'The new leader aims to lift military spending to 2 percent of output by the end of March.' },
  ];
  const points = buildBriefing(inputs, options()).topics.flatMap((t) => t.points);
  assert.equal(points.length, 2, points.map((p) => p.text).join('\n'));
  assert.equal(new Set(points.map((p) => p.claimId)).size, 2);
});

test("a claim's topic is what its sources say in common, not one copy's aside", () => {
  const inputs = [
    { source: 'a.txt', text: 'Both governments will commit 900 million dollars of the trade budget to new mining projects over the next six months.' },
    { source: 'b.txt', text: 'Both governments will put 900 million dollars of the trade budget into new mining projects within the next six months.' },
    {
      source: 'c.txt',
      text: 'The missile news landed alongside a pact under which both governments will commit 900 million dollars of the trade budget to new mining projects.',
    },
  ];
  const b = buildBriefing(inputs, options());
  const mining = b.topics.flatMap((t) => t.points.map((p) => [t.id, p.text] as const)).filter(([, text]) => text.includes('900'));
  assert.ok(mining.length > 0, 'the investment is briefed');
  assert.deepEqual([...new Set(mining.map(([topic]) => topic))], ['economy'], JSON.stringify(mining));
});

test('a name and its demonym are one topic term: "China" and "Chinese" in one sentence count once', () => {
  const topic = { id: 'china', label: 'China', description: '', terms: ['China', 'Chinese', 'Beijing'] };
  const [matcher] = topicMatchers([topic]);
  const vocabulary = new Vocabulary();
  const idOf = (word: string) => vocabulary.id(termOf(word.toLowerCase()) as string);
  const ids = resolveMatcher(matcher as TopicMatcher, (term) => vocabulary.id(term));
  const sentence = (...words: string[]) => Uint32Array.from(words.map(idOf)).sort();
  assert.equal(topicScoreIds(sentence('China', 'Chinese', 'exports'), ids), 1);
  assert.equal(topicScoreIds(sentence('Chinese', 'Beijing'), ids), 2);
});
