import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createEngine } from '../../src/app/default-engine.ts';
import { decodeArticles } from '../../src/app/encoded-articles.ts';
import type { EngineRunner } from '../../src/app/engine-runner.ts';
import { startEngineThreads } from '../../src/app/engine-thread/thread-engine-runner.ts';
import { InlineEngineRunner } from '../../src/app/inline-engine-runner.ts';
import type { Briefing } from '../../src/core/types.ts';
import { STORY } from '../helpers/engine.ts';

const SILENT = { info: () => {}, warn: () => {} };
const key = { storyId: 'freedonia', fingerprint: 'f1' };
let threads: EngineRunner;

before(async () => {
  const identity = await createEngine({});
  threads = await startEngineThreads({ threads: 2, config: {}, identity, logger: SILENT });
});
after(() => threads.close());

const decode = (json: Uint8Array) => JSON.parse(new TextDecoder().decode(json)) as Briefing;

test('the engine thread briefs like the engine on this thread, and hands over the analysed articles', async () => {
  assert.equal(await threads.brief(key, {}), undefined, 'nothing held yet: the articles are asked for');
  const run = await threads.brief(key, {}, STORY);
  assert.ok(run?.analysed);
  const inline = await new InlineEngineRunner(await createEngine({})).brief(key, {}, STORY);
  const [fromThread, fromHere] = [decode(run.result), decode(inline?.result ?? new Uint8Array())];
  assert.deepEqual({ ...fromThread, generatedAt: '' }, { ...fromHere, generatedAt: '' });
  assert.deepEqual([...decodeArticles(run.analysed, 2)].map((s) => s.length), [2, 2, 1]);
});

test('briefs and answers of one story reuse the analysis the thread holds, until it is forgotten', async () => {
  await threads.brief(key, {}, STORY);
  const topic = await threads.brief(key, { topic: 'economy' });
  assert.ok(topic && !topic.analysed, 'no articles needed');
  const answer = await threads.answer(key, 'How many factory jobs are at stake?', []);
  assert.ok(answer && answer.result.citations.length > 0);
  await threads.forget(key);
  assert.equal(await threads.answer(key, 'How many factory jobs are at stake?', []), undefined);
});
