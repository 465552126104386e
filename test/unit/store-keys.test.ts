import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoreKeys } from '../../src/store/keys.ts';

/** The first hash tag of a key, as Redis Cluster computes slots (the whole key when there is none). */
function slotGroup(key: string): string {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open + 1);
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
}

test('single-server layout is the one existing deployments have (no migration needed)', () => {
  const k = new StoreKeys('summit');
  assert.deepEqual(
    [
      k.article('h1'), k.articleSightings('h1'), k.stories(), k.storyArticles('s1'), k.storySequence('s1'), k.storyFingerprint('s1'),
      k.briefing('b1'), k.subscription('slack:C1'), k.subscriptionFlag('slack:C1'), k.subscriptions(),
      k.digestDay('slack:C1', '2026-03-02'), k.digestClaims('slack:C1'), k.digestRefs('slack:C1'), k.digestDisagreements('slack:C1'),
      k.digestHistory('slack:C1'), k.thread('slack:C1:1.1'), k.threadTurns('slack:C1:1.1'), k.counters(), k.source('x'), k.sourceState('x'),
      k.sourceSeen('x'), k.storySources('s1'), k.sources(), k.articlePage('a1'), k.bull(),
    ],
    [
      'summit:article:h1', 'summit:article:h1:seen', 'summit:stories', 'summit:story:s1:articles', 'summit:story:s1:seq', 'summit:story:s1:fingerprint',
      'summit:briefing:b1', 'summit:subscription:slack:C1', 'summit:subscription:slack:C1:flag', 'summit:subscriptions',
      'summit:digest:slack:C1:day:2026-03-02', 'summit:digest:slack:C1:claims', 'summit:digest:slack:C1:refs', 'summit:digest:slack:C1:disagreements',
      'summit:digest:slack:C1:history', 'summit:thread:slack:C1:1.1', 'summit:thread:slack:C1:1.1:turns', 'summit:counters', 'summit:source:x', 'summit:source:x:state',
      'summit:source:x:seen', 'summit:story:s1:sources', 'summit:sources', 'summit:article-page:a1', 'summit:bull',
    ],
  );
});

test('cluster layout: the keys each script or MULTI touches share a tag; stories, threads and digests get their own', () => {
  const k = new StoreKeys('summit', 'cluster');
  const sameGroup = (keys: string[]) => assert.equal(new Set(keys.map(slotGroup)).size, 1, keys.join(' '));
  assert.equal(k.storyArticles('s1'), 'summit:{story:s1}:articles');
  // add-articles.lua
  sameGroup([k.storyArticles('s1'), k.storySequence('s1'), k.storyFingerprint('s1')]);
  // one MULTI per article in ArticleRepository.add
  sameGroup([k.article('h1'), k.articleSightings('h1')]);
  // digest-commit.lua (and the one-key digest scripts)
  sameGroup([k.digestDay('slack:C1', '2026-03-02'), k.digestClaims('slack:C1'), k.digestRefs('slack:C1'), k.digestDisagreements('slack:C1'), k.digestHistory('slack:C1')]);
  // thread link/get/appendTurn MULTIs
  sameGroup([k.thread('slack:C1:1.1'), k.threadTurns('slack:C1:1.1')]);
  // subscription put/remove MULTIs and the MGET of all
  sameGroup([k.subscription('slack:C1'), k.subscriptionFlag('slack:C1'), k.subscription('discord:9'), k.subscriptions()]);
  // source put/remove MULTIs and the MGET of records
  sameGroup([k.source('x'), k.sourceState('x'), k.sourceSeen('x'), k.storySources('s1'), k.sources(), k.source('y')]);

  assert.notEqual(slotGroup(k.storyArticles('s1')), slotGroup(k.storyArticles('s2')));
  assert.notEqual(slotGroup(k.thread('t1')), slotGroup(k.thread('t2')));
  assert.notEqual(slotGroup(k.digestDay('a', 'd')), slotGroup(k.digestDay('b', 'd')));
  assert.equal(k.bull(), '{summit-bull}');
});
