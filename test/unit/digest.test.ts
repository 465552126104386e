import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDigest, disagreementSignature, localDateOf, sentenceRef } from '../../src/core/digest.ts';
import type { DeliveredSoFar } from '../../src/core/ports/digest-log.ts';
import type { Briefing, Citation, Disagreement, Point } from '../../src/core/types.ts';

const cite = (articleId: string, sentenceId: number): Citation => ({
  articleId,
  sentenceId,
  quote: `sentence ${sentenceId} of ${articleId}`,
  link: `/articles/${articleId}#s${sentenceId}`,
});

const point = (claimId: string, ...citations: Citation[]): Point => ({
  text: `point ${claimId}`,
  independentSources: citations.length,
  claimId,
  citations,
});

const disagreement = (about: string, ...variants: string[]): Disagreement => ({
  about,
  kind: 'number',
  variants: variants.map((text, i) => ({ text, articleIds: [`a${i + 1}`] })),
  citations: [cite('a1', 9)],
  topicIds: [],
});

function briefing(topics: Briefing['topics'], disagreements: Disagreement[] = []): Briefing {
  return {
    story: 'freedonia',
    generatedAt: '2026-03-01T00:00:00.000Z',
    engine: 'summit-offline/1',
    articles: ['a1', 'a2', 'a3'].map((id) => ({ id, source: `${id}.txt`, group: 'g1', lowInformation: false, sentences: 10 })),
    groups: [{ id: 'g1', articleIds: ['a1', 'a2', 'a3'] }],
    topics,
    disagreements,
  };
}

const nothingDelivered: DeliveredSoFar = { claimIds: new Set(), sentenceRefs: new Set(), disagreementSignatures: new Set() };
const input = { localDate: '2026-03-02', now: new Date('2026-03-02T07:00:00Z') };

test('a first digest carries every point and disagreement, and records them', () => {
  const b = briefing(
    [{ id: 'trade', label: 'Trade', points: [point('c1', cite('a1', 1)), point('c2', cite('a2', 3), cite('a1', 4))] }],
    [disagreement('tariff rate', '10 percent', '12 percent')],
  );
  const { digest, record } = buildDigest({ briefing: b, briefingId: 'b1', delivered: nothingDelivered, ...input });
  assert.equal(digest.nothingNew, false);
  assert.deepEqual(digest.topics[0]?.points.map((p) => p.claimId), ['c1', 'c2']);
  assert.equal(digest.disagreements.length, 1);
  assert.equal(digest.localDate, '2026-03-02');
  assert.equal(digest.briefingId, 'b1');
  assert.equal(digest.generatedAt, '2026-03-02T07:00:00.000Z');
  assert.deepEqual(record.claimIds, ['c1', 'c2']);
  assert.deepEqual(record.sentenceRefs.sort(), ['a1:1', 'a1:4', 'a2:3']);
  assert.deepEqual(digest.articles.map((a) => a.id), ['a1', 'a2'], 'only articles the digest cites');
});

test('points already sent are left out, by claim id or by any sentence they cite', () => {
  const b = briefing([
    {
      id: 'trade',
      label: 'Trade',
      points: [
        point('c1', cite('a1', 1)),
        // Same claim as before, re-identified because a new article (a3) joined it.
        point('c1-grown', cite('a1', 2), cite('a3', 5)),
        point('c3', cite('a3', 7)),
      ],
    },
    { id: 'defence', label: 'Defence', points: [point('c4', cite('a2', 1))] },
  ]);
  const delivered: DeliveredSoFar = {
    claimIds: new Set(['c1', 'c4']),
    sentenceRefs: new Set(['a1:1', 'a1:2', 'a2:1']),
    disagreementSignatures: new Set(),
  };
  const { digest, record } = buildDigest({ briefing: b, delivered, ...input });
  assert.deepEqual(digest.topics.map((t) => t.id), ['trade'], 'a topic with nothing new is omitted');
  assert.deepEqual(digest.topics[0]?.points.map((p) => p.claimId), ['c3']);
  assert.deepEqual(record.claimIds, ['c3']);
  assert.deepEqual(digest.articles.map((a) => a.id), ['a3']);
});

test('a point listed under two topics is sent once', () => {
  const shared = point('c9', cite('a1', 3));
  const b = briefing([
    { id: 'trade', label: 'Trade', points: [shared] },
    { id: 'china', label: 'China', points: [shared] },
  ]);
  const { digest, record } = buildDigest({ briefing: b, delivered: nothingDelivered, ...input });
  assert.deepEqual(digest.topics.map((t) => t.id), ['trade']);
  assert.deepEqual(record.claimIds, ['c9']);
});

test('a disagreement is shown again only when what the sources say changed', () => {
  const before = disagreement('tariff rate', '10 percent', '12 percent');
  const delivered: DeliveredSoFar = { ...nothingDelivered, disagreementSignatures: new Set([disagreementSignature(before)]) };
  const same = buildDigest({ briefing: briefing([], [disagreement('Tariff  rate', '12 percent', '10 percent')]), delivered, ...input });
  assert.equal(same.digest.disagreements.length, 0, 'order, case and spacing do not make it new');
  assert.equal(same.digest.nothingNew, true);

  const changed = buildDigest({
    briefing: briefing([], [disagreement('tariff rate', '10 percent', '12 percent', '15 percent')]),
    delivered,
    ...input,
  });
  assert.equal(changed.digest.disagreements.length, 1, 'a third figure is a change');
  assert.equal(changed.digest.nothingNew, false);
  assert.equal(changed.record.disagreementSignatures.length, 1);
});

test('nothing new is said plainly and records nothing', () => {
  const b = briefing([{ id: 'trade', label: 'Trade', points: [point('c1', cite('a1', 1))] }]);
  const delivered: DeliveredSoFar = { claimIds: new Set(['c1']), sentenceRefs: new Set(['a1:1']), disagreementSignatures: new Set() };
  const { digest, record } = buildDigest({ briefing: b, delivered, ...input });
  assert.equal(digest.nothingNew, true);
  assert.deepEqual(digest.topics, []);
  assert.deepEqual(digest.articles, []);
  assert.deepEqual(record, { claimIds: [], sentenceRefs: [], disagreementSignatures: [] });
});

test('a channel following some topics gets only those', () => {
  const b = briefing([
    { id: 'trade', label: 'Trade', points: [point('c1', cite('a1', 1))] },
    { id: 'defence', label: 'Defence', points: [point('c2', cite('a2', 1))] },
  ]);
  const { digest, record } = buildDigest({ briefing: b, delivered: nothingDelivered, topics: ['defence'], ...input });
  assert.deepEqual(digest.topics.map((t) => t.id), ['defence']);
  assert.deepEqual(record.claimIds, ['c2']);
});

test('sentence refs are article:sentence', () => {
  assert.equal(sentenceRef(cite('abc', 12)), 'abc:12');
});

test('local dates follow the subscriber’s zone, across DST changes', () => {
  // 23:30 UTC on 28 March 2027 is already the 29th in Berlin (CEST, UTC+2) and still the 28th in New York.
  const instant = new Date('2027-03-28T23:30:00Z');
  assert.equal(localDateOf(instant, 'Europe/Berlin'), '2027-03-29');
  assert.equal(localDateOf(instant, 'America/New_York'), '2027-03-28');
  // Apia (UTC+13) is a day ahead of UTC most of the time.
  assert.equal(localDateOf(new Date('2026-11-21T11:00:00Z'), 'Pacific/Apia'), '2026-11-22');
  // Both 02:30s of Berlin's fall-back night are the same local day.
  assert.equal(localDateOf(new Date('2027-10-31T00:30:00Z'), 'Europe/Berlin'), '2027-10-31');
  assert.equal(localDateOf(new Date('2027-10-31T01:30:00Z'), 'Europe/Berlin'), '2027-10-31');
});

test('the overview leads a digest of all topics with what is new in it, once; topic channels get none', () => {
  const b: Briefing = {
    ...briefing([{ id: 'trade', label: 'Trade', points: [point('c2', cite('a2', 1))] }]),
    overview: { points: [point('c1', cite('a1', 1))] },
  };
  const first = buildDigest({ briefing: b, delivered: nothingDelivered, localDate: '2026-03-01', now: new Date(0) });
  assert.deepEqual(first.digest.overview?.points.map((p) => p.claimId), ['c1']);
  assert.deepEqual(first.record.claimIds, ['c1', 'c2']);
  const delivered: DeliveredSoFar = {
    claimIds: new Set(first.record.claimIds),
    sentenceRefs: new Set(first.record.sentenceRefs),
    disagreementSignatures: new Set(),
  };
  const second = buildDigest({ briefing: b, delivered, localDate: '2026-03-02', now: new Date(0) });
  assert.equal(second.digest.overview, undefined);
  assert.equal(second.digest.nothingNew, true);
  const trade = buildDigest({ briefing: b, delivered: nothingDelivered, localDate: '2026-03-01', now: new Date(0), topics: ['trade'] });
  assert.equal(trade.digest.overview, undefined);
  assert.deepEqual(trade.digest.articles.map((a) => a.id), ['a2']);
});
