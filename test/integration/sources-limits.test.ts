import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type SourcesTestEnv, sourcesTestEnv } from './sources-harness.ts';

let env: SourcesTestEnv;
before(async () => {
  env = await sourcesTestEnv('sources-limits', { maxItemsPerPoll: 2 });
});
after(() => env.close());

test('items beyond the per-poll limit wait for the next polls, which skip the 304 until none are left', async () => {
  const { record } = await env.service.addSource({ storyId: 'paced', url: env.peer.url('/feeds/rss.xml'), keywords: [], addedBy: 'cli' });
  const id = record.source.id;
  const first = await env.polled(id);
  assert.equal(first.state.pendingItems, 3, 'five items, two per poll');
  const counts = [await env.stores.articles.count('paced')];
  const conditional: boolean[] = [];
  for (let poll = 0; poll < 3; poll++) {
    const job = await env.queue.add('poll-source', { sourceId: id });
    const outcome = await env.queue.wait(job, 15_000);
    conditional.push(Boolean(env.peer.hits('/feeds/rss.xml').at(-1)?.headers['if-none-match']));
    counts.push(await env.stores.articles.count('paced'));
    if (poll === 2) assert.equal(outcome.status, 'not-modified');
  }
  assert.deepEqual(conditional, [false, false, true], 'unconditional while items wait, then conditional');
  // The first two items are the steel story twice (campaign link, AMP copy): one article.
  assert.deepEqual(counts, [1, 3, 4, 4]);
  assert.equal((await env.stores.sources.get(id))?.state.pendingItems, 0);
});
