import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRedisSummitService } from '../../src/app/create-redis-service.ts';
import { readArticles } from '../../src/ingest/read-articles.ts';
import { type RunningWorker, startWorker } from '../../src/main.ts';
import { faithfulAnswer, faithfulBriefing } from '../peers/openai/replies.ts';
import { type OpenAiPeer, PEER_API_KEY, startOpenAiPeer } from '../peers/openai/server.ts';
import { REPO } from '../helpers/cli.ts';
import { cleanPrefix, ingest, type QueueTestEnv, silentLogger, testConfig, testPrefix } from './queue-harness.ts';

/** The worker and the chat-side service both build the LLM engine from the same env, as in production. */
let peer: OpenAiPeer;
let prefix: string;
let worker: RunningWorker;
let service: Awaited<ReturnType<typeof createRedisSummitService>>;

const llmEnv = (model: string) => ({
  OPENAI_API_KEY: PEER_API_KEY,
  OPENAI_BASE_URL: peer.baseUrl,
  OPENAI_MODEL: model,
  OPENAI_MAX_RETRIES: '0',
});

before(async () => {
  peer = await startOpenAiPeer((req) =>
    JSON.stringify(req.body).includes('"question"') ? faithfulAnswer(req.body) : faithfulBriefing(req.body, 2),
  );
  prefix = testPrefix('llm');
  const config = testConfig(prefix, llmEnv('model-a'));
  worker = await startWorker(config, { logger: silentLogger(), withoutOpsServer: true });
  service = await createRedisSummitService(config, { logger: silentLogger() });
  const { articles } = await readArticles(`${REPO}/data/summit-2025`);
  await ingest({ service, config } as unknown as QueueTestEnv, 'seed', articles);
});

after(async () => {
  await service.close();
  await worker.close();
  await peer.close();
  await cleanPrefix(prefix);
});

test('with an LLM configured, the worker writes briefings through it and caches them by model', async () => {
  const first = await service.service.brief({ storyId: 'seed' });
  assert.match(first.briefing.engine, /model-a/);
  assert.equal(first.briefing.notes, undefined, 'verified: no fallback note');
  const calls = peer.requests.length;
  assert.ok(calls >= 1);
  for (const point of first.briefing.topics.flatMap((t) => t.points)) assert.ok(point.citations.length > 0);

  const again = await service.service.brief({ storyId: 'seed' });
  assert.equal(peer.requests.length, calls, 'a repeated brief makes no LLM call');
  assert.equal(again.briefingId, first.briefingId);
});

test('the briefing says which engine wrote it, even when a chat process is configured differently', async () => {
  // Workers decide the engine; a chat process with other settings gets the worker's briefing,
  // labelled as what it is, never mislabelled as its own model.
  const mismatched = await createRedisSummitService(testConfig(prefix, llmEnv('model-b')), { logger: silentLogger() });
  try {
    const result = await mismatched.service.brief({ storyId: 'seed' });
    assert.match(result.briefing.engine, /model-a/);
  } finally {
    await mismatched.close();
  }
});

test('a deployment with another model computes and caches its own briefing', async () => {
  const otherPrefix = testPrefix('llm-b');
  const config = testConfig(otherPrefix, llmEnv('model-b'));
  const otherWorker = await startWorker(config, { logger: silentLogger(), withoutOpsServer: true });
  const other = await createRedisSummitService(config, { logger: silentLogger() });
  try {
    const { articles } = await readArticles(`${REPO}/data/summit-2025`);
    await ingest({ service: other, config } as unknown as QueueTestEnv, 'seed', articles);
    const before = peer.requests.length;
    const result = await other.service.brief({ storyId: 'seed' });
    assert.match(result.briefing.engine, /model-b/);
    assert.ok(peer.requests.length > before);
    assert.equal((peer.requests.at(-1)?.body as { model?: string }).model, 'model-b');
  } finally {
    await other.close();
    await otherWorker.close();
    await cleanPrefix(otherPrefix);
  }
});
