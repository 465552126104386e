import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { articleHash, fingerprintOf } from '../../src/store/article-hash.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { INDEPENDENT, ORIGINAL, REWRITE_A } from '../helpers/engine.ts';
import { cleanPrefix, REDIS_URL, testPrefix } from './queue-harness.ts';

let redis: Redis;
let stores: Stores;
const prefix = testPrefix('store-articles');

before(() => {
  redis = new Redis(REDIS_URL);
  stores = createStores(redis, prefix, { briefingTtlSeconds: 60 });
});
after(async () => {
  await cleanPrefix(prefix);
  redis.disconnect();
});

test('an article seen twice is stored once, with every place it was seen', async () => {
  const first = await stores.articles.add('s1', [
    { source: 'a.txt', text: ORIGINAL },
    { source: 'b.txt', text: REWRITE_A },
  ]);
  assert.deepEqual({ ...first, fingerprint: undefined }, { stored: 2, addedToStory: 2, alreadyInStory: 0, total: 2, fingerprint: undefined });

  // The same text again, re-wrapped and from a URL: same content hash.
  const again = await stores.articles.add('s1', [{ source: 'feed', url: 'https://example.com/a', text: `${ORIGINAL.replace(/ /g, '\n')}\n` }]);
  assert.equal(again.stored, 0);
  assert.equal(again.addedToStory, 0);
  assert.equal(again.alreadyInStory, 1);
  assert.equal(again.total, 2);
  assert.equal(again.fingerprint, first.fingerprint, 'nothing joined the story, so its fingerprint is unchanged');
  assert.deepEqual(await stores.articles.sightings({ text: ORIGINAL }), ['a.txt', 'https://example.com/a']);

  const snapshot = await stores.articles.snapshot('s1');
  assert.equal(snapshot?.articles.length, 2);
  assert.equal(snapshot?.articles[0]?.source, 'a.txt', 'the first copy is the one kept');
});

test('a story fingerprint changes when an article joins, and matches its snapshot', async () => {
  const before = await stores.articles.fingerprint('s1');
  const added = await stores.articles.add('s1', [{ source: 'c.txt', text: INDEPENDENT }]);
  assert.notEqual(added.fingerprint, before);
  assert.equal(await stores.articles.fingerprint('s1'), added.fingerprint);
  const snapshot = await stores.articles.snapshot('s1');
  assert.equal(snapshot?.fingerprint, added.fingerprint, 'Lua and TypeScript compute the same fingerprint');
  assert.deepEqual(
    snapshot?.articles.map((a) => a.source),
    ['a.txt', 'b.txt', 'c.txt'],
    'ingestion order is kept',
  );
  assert.equal(
    snapshot?.fingerprint,
    fingerprintOf([ORIGINAL, REWRITE_A, INDEPENDENT].map((text) => articleHash({ text }))),
  );
});

test('stories share stored articles but not membership', async () => {
  const result = await stores.articles.add('s2', [{ source: 'x.txt', text: ORIGINAL }]);
  assert.equal(result.stored, 0, 'already in the store for s1');
  assert.equal(result.addedToStory, 1);
  assert.equal(await stores.articles.count('s2'), 1);
  assert.deepEqual(await stores.articles.stories(), ['s1', 's2']);
  assert.equal(await stores.articles.snapshot('nope'), undefined);
  assert.equal(await stores.articles.fingerprint('nope'), undefined);
});

test('concurrent adds to one story keep a consistent fingerprint', async () => {
  const texts = Array.from({ length: 20 }, (_, i) => `Report number ${i}: the port of Ridgeview handled ${i} million tonnes.`);
  await Promise.all(texts.map((text, i) => stores.articles.add('s3', [{ source: `${i}.txt`, text }])));
  const snapshot = await stores.articles.snapshot('s3');
  assert.equal(snapshot?.articles.length, 20);
  assert.equal(await stores.articles.fingerprint('s3'), snapshot?.fingerprint);
});
