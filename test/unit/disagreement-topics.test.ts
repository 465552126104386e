import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDigest } from '../../src/core/digest.ts';
import { withDisagreementTopics } from '../../src/core/disagreement-topics.ts';
import type { Briefing, Citation, Disagreement, Point } from '../../src/core/types.ts';
import { disagreementSections } from '../../src/render/disagreement-sections.ts';
import { brief, STORY } from '../helpers/engine.ts';

const cite = (articleId: string, sentenceId: number): Citation => ({ articleId, sentenceId, quote: 'q', link: `/articles/${articleId}#s${sentenceId}` });
const point = (claimId: string, ...citations: Citation[]): Point => ({ text: claimId, independentSources: 1, claimId, citations });
const differ = (about: string, ...citations: Citation[]): Disagreement => ({
  about,
  kind: 'number',
  variants: [{ text: 'x', articleIds: ['a1'] }, { text: 'y', articleIds: ['a2'] }],
  citations,
  topicIds: [],
});

const briefing = (disagreements: Disagreement[]): Briefing => ({
  story: 's',
  generatedAt: '2026-01-01T00:00:00.000Z',
  engine: 'test',
  articles: [],
  groups: [],
  topics: [
    { id: 'trade', label: 'Trade', points: [point('c1', cite('a1', 1))] },
    { id: 'china', label: 'China', points: [point('c2', cite('a2', 5))] },
  ],
  disagreements,
});

// Claims with all their members: a point cites some of them, a disagreement may cite others.
const claims = [
  { id: 'c1', members: [{ articleId: 'a1', sentenceId: 1 }, { articleId: 'a2', sentenceId: 2 }] },
  { id: 'c2', members: [{ articleId: 'a2', sentenceId: 5 }] },
  { id: 'c3', members: [{ articleId: 'a3', sentenceId: 7 }] },
];

test('a disagreement takes the topics whose points state its claims, in topic order; none when no point does', () => {
  const b = withDisagreementTopics(
    briefing([
      differ('within c1, through a member no point cites', cite('a2', 2)),
      differ('across c2 and c1', cite('a2', 5), cite('a1', 1)),
      differ('about an unbriefed claim', cite('a3', 7)),
    ]),
    claims,
  );
  assert.deepEqual(b.disagreements.map((d) => d.topicIds), [['trade'], ['trade', 'china'], []]);
});

test('a one-topic brief keeps only the disagreements about its topic', () => {
  const one = briefing([differ('trade one', cite('a1', 1)), differ('china one', cite('a2', 5)), differ('none', cite('a3', 7))]);
  const narrowed = withDisagreementTopics({ ...one, topics: one.topics.filter((t) => t.id === 'trade') }, claims, 'trade');
  assert.deepEqual(narrowed.disagreements.map((d) => d.about), ['trade one']);
});

test('renderers place each disagreement under its shown topics; the rest after them, named for what it is', () => {
  const b = withDisagreementTopics(briefing([differ('both', cite('a2', 5), cite('a1', 1)), differ('none', cite('a3', 7))]), claims);
  const sections = disagreementSections(b.topics, b.disagreements);
  assert.deepEqual(sections.byTopic.get('trade')?.map((d) => d.about), ['both']);
  assert.deepEqual(sections.byTopic.get('china')?.map((d) => d.about), ['both']);
  assert.deepEqual(sections.rest.map((d) => d.about), ['none']);
  assert.equal(sections.restTitle, 'Sources differ on other points');
  assert.equal(disagreementSections(b.topics, [b.disagreements[1] as Disagreement]).restTitle, 'Sources differ', 'alone, plainly');
});

test('a digest of chosen topics carries only their disagreements', () => {
  const b = withDisagreementTopics(briefing([differ('trade one', cite('a1', 1)), differ('china one', cite('a2', 5)), differ('none', cite('a3', 7))]), claims);
  const delivered = { claimIds: new Set<string>(), sentenceRefs: new Set<string>(), disagreementSignatures: new Set<string>() };
  const { digest, record } = buildDigest({ briefing: b, briefingId: 'b', delivered, topics: ['china'], localDate: '2026-01-02', now: new Date('2026-01-02T07:00:00Z') });
  assert.deepEqual(digest.disagreements.map((d) => d.about), ['china one']);
  assert.equal(record.disagreementSignatures.length, 1, 'the others stay undelivered for channels that want them');
});

test('the engine gives every disagreement of a briefing its topics', () => {
  const b = brief(STORY);
  assert.ok(b.disagreements.length > 0);
  const ids = new Set(b.topics.map((t) => t.id));
  for (const d of b.disagreements) for (const id of d.topicIds) assert.ok(ids.has(id), `${d.about}: ${id}`);
  assert.ok(b.disagreements.some((d) => d.topicIds.length > 0), 'some sit under a topic');
});
