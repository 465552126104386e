import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStoryRepository } from '../../src/app/memory-stories.ts';
import { StoryDirectory } from '../../src/app/story-directory.ts';
import { briefingId, topicsDigest } from '../../src/core/ports/briefing-cache.ts';
import { storyIdFromTitle } from '../../src/stories/story-input.ts';
import { parseTopicList } from '../../src/stories/topics-input.ts';
import { TEST_TOPICS } from '../helpers/engine.ts';

test('story ids come from titles; topic lists are parsed with bundled topics by name', () => {
  assert.equal(storyIdFromTitle('  Élection présidentielle 2027!  '), 'election-presidentielle-2027');
  assert.equal(storyIdFromTitle('¿?'), 'story');
  const topics = parseTopicList('Results: seats votes; coalition; economy', TEST_TOPICS);
  assert.deepEqual(topics.map((t) => [t.id, t.label, t.terms]), [
    ['results', 'Results', ['seats', 'votes']],
    ['coalition', 'Coalition', ['coalition']],
    ['economy', 'Economy', TEST_TOPICS[0]?.terms],
  ]);
  assert.deepEqual(parseTopicList('economy security', TEST_TOPICS).map((t) => t.id), ['economy', 'security']);
  assert.throws(() => parseTopicList('a: x; a: y', TEST_TOPICS), { code: 'story:invalid' });
});

test('a briefing id depends on the topics it was cut by', () => {
  const key = { storyId: 's', fingerprint: 'f', engine: 'e' };
  const other = [{ ...TEST_TOPICS[0]!, terms: ['steel'] }];
  assert.notEqual(briefingId({ ...key, topics: topicsDigest(TEST_TOPICS) }), briefingId({ ...key, topics: topicsDigest(other) }));
});

test('stories belong to their workspace: others cannot find, change or follow them; channels fall back', async () => {
  const subscriptions = new Map<string, string>([['slack:COLD', 'legacy-story']]);
  const directory = new StoryDirectory({
    stories: new MemoryStoryRepository(),
    articles: { count: async () => 0, lastAddedAt: async () => undefined },
    subscriptionStory: async (c) => subscriptions.get(`${c.platform}:${c.channelId}`),
    topics: TEST_TOPICS,
    defaultStory: 'summit-2025',
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  const ours = { platform: 'slack' as const, workspaceId: 'T1' };
  const theirs = { platform: 'slack' as const, workspaceId: 'T2' };
  const story = await directory.create({ owner: ours, title: 'Summit 2025', createdBy: 'slack:U1' });
  assert.equal(story.id, 'summit-2025-2', 'the default story keeps its id');
  assert.equal((await directory.find(ours, 'summit 2025')).id, story.id, 'found by title');
  await assert.rejects(directory.find(theirs, story.id), { code: 'story:not-found' });
  await assert.rejects(directory.rename(theirs, story.id, 'Mine'), { code: 'story:not-found' });
  await assert.rejects(directory.follow({ ...theirs, channelId: 'CX' }, story.id), { code: 'story:not-found' });
  await assert.rejects(directory.setTopics(ours, 'summit-2025', TEST_TOPICS), { code: 'story:invalid' }, 'shared stories change from the CLI');
  assert.deepEqual((await directory.list(theirs)).map((s) => s.story.id), ['summit-2025']);

  assert.equal(await directory.ofChannel({ ...ours, channelId: 'CNEW' }), 'summit-2025', 'DEFAULT_STORY for channels that follow none');
  assert.equal(await directory.ofChannel({ ...ours, channelId: 'COLD' }), 'legacy-story', 'a subscription keeps its story');
  await directory.follow({ ...ours, channelId: 'COLD' }, story.id);
  assert.equal(await directory.ofChannel({ ...ours, channelId: 'COLD' }), story.id);
  await directory.archive(ours, story.id);
  assert.equal(await directory.ofChannel({ ...ours, channelId: 'COLD' }), 'legacy-story', 'an archived story is followed no more');
});
