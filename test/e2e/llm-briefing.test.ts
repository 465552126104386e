import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefingFromAnalysis } from '../../src/core/engine.ts';
import { llmCacheKeyPart } from '../../src/llm/create-writer.ts';
import { loadPromptSet } from '../../src/llm/prompt-loader.ts';
import { peerConfig, peerWriter, recordingMetrics, seedSet, TEST_MODEL } from '../peers/openai/harness.ts';
import { briefingWithPoints, faithfulBriefing, sentData, sentFailures } from '../peers/openai/replies.ts';
import { type Behaviour, type ChatCompletionBody, PEER_API_KEY, startOpenAiPeer } from '../peers/openai/server.ts';

const UNVERIFIED_NOTE =
  'Written by the offline engine: the articles did not support enough of what the language model wrote.';

test('a verified LLM briefing keeps the contract; the request holds engine claims, not articles', async (t) => {
  const peer = await startOpenAiPeer((req) => faithfulBriefing(req.body, 3));
  t.after(() => peer.close());
  const { analysis, options } = await seedSet();
  const offline = briefingFromAnalysis(analysis, options);
  const briefing = await (await peerWriter(peer)).brief({ analysis, options });

  assert.equal(briefing.engine, `openai:${TEST_MODEL}/prompt-v1`);
  assert.equal(briefing.notes, undefined);
  assert.deepEqual(
    { ...briefing, engine: '', topics: [] },
    { ...offline, engine: '', topics: [] },
    'articles, groups and disagreements are the engine’s',
  );
  assert.deepEqual(briefing.topics.map((x) => x.id), offline.topics.map((x) => x.id));

  assert.equal(peer.requests.length, 1);
  const request = peer.requests[0];
  assert.ok(request?.body);
  const sent = sentData(request.body);
  const byText = new Map(sent.claims.map((c) => [c.text, c]));
  for (const topic of briefing.topics) {
    assert.equal(topic.points.length, 3, topic.id);
    for (const point of topic.points) {
      const claim = analysis.claims.find((c) => c.id === point.claimId);
      assert.ok(claim && byText.has(point.text), point.text);
      // Citations: the cited claim's sentences, display first, verbatim and linked as offline.
      const expected = [claim.display, ...claim.members.filter((m) => m !== claim.display)].map(analysis.cite);
      assert.deepEqual(point.citations, expected);
      assert.equal(point.independentSources, claim.independentSources);
    }
  }

  assert.equal(request.path, '/v1/chat/completions');
  assert.equal(request.headers.authorization, `Bearer ${PEER_API_KEY}`);
  const body = request.body;
  assert.equal(body.model, TEST_MODEL);
  assert.equal(body.max_completion_tokens, 1000);
  assert.equal(body.response_format?.type, 'json_schema');
  assert.equal(body.response_format?.json_schema?.name, 'briefing');
  assert.equal(body.response_format?.json_schema?.strict, true);
  assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user']);
  assert.equal(body.messages[0]?.content, (await loadPromptSet()).templates.system);
  assert.deepEqual(peer.scriptProblems, []);

  // Sentences that are not the wording of an offered claim never leave the process.
  const offered = new Set(sent.claims.map((c) => c.text));
  const notOffered = analysis.sentences.filter(
    (s) => s.words > 8 && ![...offered].some((o) => s.text.startsWith(o.replace(/ …$/, '').slice(0, 40))),
  );
  assert.ok(notOffered.length > 40, 'most of the set is not sent');
  const wire = JSON.stringify(body);
  for (const s of notOffered) assert.ok(!wire.includes(JSON.stringify(s.text).slice(1, 50)), s.text);
});

test('made-up claim ids: one repair round names them, and the repaired reply is used', async (t) => {
  const invented: Behaviour[] = [];
  const peer = await startOpenAiPeer((req, index) => {
    if (index > 0) return faithfulBriefing(req.body, 2);
    const behaviour = briefingWithPoints(req.body, (c) => ({ text: c.text, claims: ['c99'] }));
    invented.push(behaviour);
    return behaviour;
  });
  t.after(() => peer.close());
  const { analysis, options } = await seedSet();
  const events = recordingMetrics();
  const briefing = await (await peerWriter(peer, {}, events.metrics)).brief({ analysis, options });

  assert.equal(briefing.engine, `openai:${TEST_MODEL}/prompt-v1`);
  assert.ok(briefing.topics.every((x) => x.points.length === 2));
  assert.equal(peer.requests.length, 2);
  const [first, second] = peer.requests.map((r) => r.body?.messages ?? []);
  assert.deepEqual(second?.slice(0, 2), first);
  assert.equal(second?.length, 3);
  assert.equal(second?.[2]?.role, 'user');
  const review = /<<<DATA\n([\s\S]*)\nDATA>>>/.exec(second?.[2]?.content ?? '')?.[1] ?? '{}';
  assert.deepEqual((JSON.parse(review) as { previous: unknown }).previous, JSON.parse((invented[0] as { content: string }).content));
  const failures = sentFailures(peer.requests[1]?.body as ChatCompletionBody);
  assert.ok(failures.length > 0);
  assert.ok(failures.every((f) => f.problems.includes('cites "c99", which is not in the data')));
  assert.deepEqual(
    events.verifications.map((v) => [v.purpose, v.dropped === v.proposed]),
    [
      ['briefing', true],
      ['repair', false],
    ],
  );
  assert.deepEqual(events.calls.map((c) => [c.purpose, c.outcome]), [
    ['briefing', 'ok'],
    ['repair', 'ok'],
  ]);
  assert.ok(events.calls.every((c) => c.usage.promptTokens > 0 && c.usage.totalTokens > c.usage.promptTokens));
});

test('numbers not in the sources, again after the repair round: the offline briefing with a note', async (t) => {
  const peer = await startOpenAiPeer((req) =>
    briefingWithPoints(req.body, (c) => ({ text: `Officials said the deal is worth 987 billion yen.`, claims: [c.id] })),
  );
  t.after(() => peer.close());
  const { analysis, options } = await seedSet();
  const events = recordingMetrics();
  const briefing = await (await peerWriter(peer, {}, events.metrics)).brief({ analysis, options });

  assert.deepEqual(briefing, { ...briefingFromAnalysis(analysis, options), notes: [UNVERIFIED_NOTE] });
  assert.equal(peer.requests.length, 2, 'one repair round, no more');
  const failures = sentFailures(peer.requests[1]?.body as ChatCompletionBody);
  assert.ok(failures.every((f) => f.problems.includes('the number "987" is not in the cited claims')));
  assert.deepEqual(peer.scriptProblems, []);
  assert.deepEqual(events.fallbacks.map((f) => [f.kind, f.code]), [['briefing', 'llm:unverified']]);
  assert.match(events.fallbacks[0]?.detail ?? '', /after one repair round, \d+ of \d+ statements still fail/);
});

test('a few failing points are dropped without a repair round', async (t) => {
  const peer = await startOpenAiPeer((req) => {
    const good = faithfulBriefing(req.body, 3) as { kind: 'json'; content: { topics: { points: { text: string }[] }[] } };
    const first = good.content.topics[0]?.points[0];
    if (first) first.text = 'Japan will pay 31 billion dollars for 77 aircraft.';
    return good;
  });
  t.after(() => peer.close());
  const { analysis, options } = await seedSet();
  const briefing = await (await peerWriter(peer)).brief({ analysis, options });

  assert.equal(peer.requests.length, 1);
  assert.equal(briefing.engine, `openai:${TEST_MODEL}/prompt-v1`);
  assert.equal(briefing.topics[0]?.points.length, 2);
  assert.ok(briefing.topics.every((x) => x.points.every((p) => !/77 aircraft/.test(p.text))));
});

test('the cache key part names model, prompt version and content, and a non-OpenAI server', async (t) => {
  const peer = await startOpenAiPeer([]);
  t.after(() => peer.close());
  const prompts = await loadPromptSet();
  const key = await llmCacheKeyPart(peerConfig(peer));
  assert.equal(key, `openai:${TEST_MODEL}/prompt-v1#${prompts.contentHash}@${new URL(peer.baseUrl).host}`);
  assert.equal(key, (await peerWriter(peer)).cacheKeyPart);
  assert.notEqual(await llmCacheKeyPart(peerConfig(peer, { model: 'other-model' })), key);
  assert.equal(await llmCacheKeyPart({ engine: 'offline' }), 'offline:summit-offline/3');
  assert.equal(peer.requests.length, 0, 'computing a cache key calls no model');
});
