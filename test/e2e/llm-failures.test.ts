import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerQuestion } from '../../src/core/answer.ts';
import { briefingFromAnalysis } from '../../src/core/engine.ts';
import type { OpenAiConfig } from '../../src/config/llm.ts';
import { peerWriter, recordingMetrics, seedSet, TEST_MODEL } from '../peers/openai/harness.ts';
import { faithfulBriefing } from '../peers/openai/replies.ts';
import { type Behaviour, type Script, startOpenAiPeer } from '../peers/openai/server.ts';

const note = (reason: string) => `Written by the offline engine: ${reason}.`;

interface FailureCase {
  name: string;
  script: Script | Behaviour[];
  config?: Partial<OpenAiConfig>;
  reason: string;
  outcome: string;
  requests: number;
}

const cases: FailureCase[] = [
  {
    name: '429 until retries are used up',
    script: [{ kind: 'error', status: 429, headers: { 'retry-after': '0' } }],
    config: { maxRetries: 1 },
    reason: 'the language model service is rate-limiting requests',
    outcome: 'llm:rate-limited',
    requests: 2,
  },
  {
    name: '429 asking to wait longer than OPENAI_MAX_RETRY_WAIT_MS: no wait, no retry',
    script: [{ kind: 'error', status: 429, headers: { 'retry-after': '3600' } }],
    config: { maxRetries: 3, maxRetryWaitMs: 2_000 },
    reason: 'the language model service is rate-limiting requests',
    outcome: 'llm:rate-limited',
    requests: 1,
  },
  {
    name: '500, retried, then still 500',
    script: [{ kind: 'error', status: 500, headers: { 'retry-after-ms': '10' } }],
    config: { maxRetries: 1 },
    reason: 'the language model service had an error',
    outcome: 'llm:server-error',
    requests: 2,
  },
  {
    name: 'an answer slower than the timeout',
    script: (req) => ({ kind: 'slow', delayMs: 1_500, then: faithfulBriefing(req.body) }),
    config: { timeoutMs: 300 },
    reason: 'the language model did not answer in time',
    outcome: 'llm:timeout',
    requests: 1,
  },
  {
    name: 'content that is not JSON',
    script: [{ kind: 'raw', content: '{"topics": [ {"id": "trade", "points": [' }],
    reason: 'the language model replied in an unusable format',
    outcome: 'llm:invalid-output',
    requests: 1,
  },
  {
    name: 'JSON of another shape (a server that ignores the schema)',
    script: [{ kind: 'raw', content: '{"summary": "Japan and the US met."}' }],
    reason: 'the language model replied in an unusable format',
    outcome: 'ok',
    requests: 1,
  },
  {
    name: 'a refusal',
    script: [{ kind: 'refusal', refusal: "I'm sorry, I can't help with that." }],
    reason: 'the language model declined to answer',
    outcome: 'llm:refusal',
    requests: 1,
  },
  {
    name: 'finish_reason "length"',
    script: [{ kind: 'raw', content: '{"topics":[{"id":"trade","points":[{"text":"Japan', finishReason: 'length' }],
    reason: "the language model's reply was cut off",
    outcome: 'llm:truncated',
    requests: 1,
  },
  {
    name: 'a wrong API key (401)',
    script: [],
    config: { apiKey: 'sk-wrong' },
    reason: 'the language model service rejected the request',
    outcome: 'llm:rejected',
    requests: 1,
  },
];

describe('every model failure ends in the offline briefing with a note, never an error', () => {
  for (const c of cases) {
    test(c.name, async (t) => {
      const peer = await startOpenAiPeer(c.script);
      t.after(() => peer.close());
      const { analysis, options } = await seedSet();
      const events = recordingMetrics();
      const started = Date.now();
      const briefing = await (await peerWriter(peer, c.config, events.metrics)).brief({ analysis, options });

      assert.deepEqual(briefing, { ...briefingFromAnalysis(analysis, options), notes: [note(c.reason)] });
      assert.equal(peer.requests.length, c.requests);
      assert.deepEqual(events.calls.map((e) => [e.purpose, e.model, e.outcome]), [['briefing', TEST_MODEL, c.outcome]]);
      assert.equal(events.fallbacks.length, 1);
      assert.ok(Date.now() - started < 1_400, 'no long waits');
      assert.deepEqual(peer.scriptProblems, []);
    });
  }

  test('the service cannot be reached', async () => {
    const peer = await startOpenAiPeer([]);
    await peer.close();
    const { analysis, options } = await seedSet();
    const briefing = await (await peerWriter(peer)).brief({ analysis, options });
    assert.deepEqual(briefing.notes, [note('the language model service could not be reached')]);
    assert.equal(briefing.engine, 'summit-offline/3');
  });

  test('answers fall back too, with their own note', async (t) => {
    const peer = await startOpenAiPeer([{ kind: 'error', status: 503 }]);
    t.after(() => peer.close());
    const { analysis } = await seedSet();
    const question = 'What will Japan buy from the United States?';
    const answer = await (await peerWriter(peer)).answer({ analysis, question });
    assert.deepEqual(answer, {
      ...answerQuestion(analysis, question),
      notes: ['Answered by the offline engine: the language model service had an error.'],
    });
  });
});

test('429 with Retry-After: the client waits as asked, retries, and the retry succeeds', async (t) => {
  const peer = await startOpenAiPeer((req, index) =>
    index === 0 ? { kind: 'error', status: 429, headers: { 'retry-after': '1' } } : faithfulBriefing(req.body),
  );
  t.after(() => peer.close());
  const { analysis, options } = await seedSet();
  const events = recordingMetrics();
  const briefing = await (await peerWriter(peer, { maxRetries: 2 }, events.metrics)).brief({ analysis, options });

  assert.equal(briefing.engine, `openai:${TEST_MODEL}/prompt-v1`);
  assert.equal(briefing.notes, undefined);
  assert.equal(peer.requests.length, 2);
  const [first, second] = peer.requests;
  assert.ok((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0) >= 950, 'waited about the second asked for');
  assert.equal(second?.headers['x-stainless-retry-count'], '1');
  assert.deepEqual(second?.body, first?.body, 'the same request again');
  assert.deepEqual(events.calls.map((e) => e.outcome), ['ok']);
});
