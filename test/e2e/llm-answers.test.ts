import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerQuestion, NOT_COVERED } from '../../src/core/answer.ts';
import type { ThreadLink } from '../../src/core/types.ts';
import { peerWriter, seedSet } from '../peers/openai/harness.ts';
import { faithfulAnswer, sentData, sentFailures } from '../peers/openai/replies.ts';
import { type Behaviour, type ChatCompletionBody, startOpenAiPeer } from '../peers/openai/server.ts';

const BUY = 'What will Japan buy from the United States?';

test('a thread: retrieved claims only, earlier turns as conversation, citations from the cited claims', async (t) => {
  const peer = await startOpenAiPeer((req) => faithfulAnswer(req.body));
  t.after(() => peer.close());
  const { analysis } = await seedSet();
  const writer = await peerWriter(peer);

  const first = await writer.answer({ analysis, question: BUY });
  assert.equal(first.supported, true);
  const sent = sentData(peer.requests[0]?.body as ChatCompletionBody);
  assert.ok(sent.claims.length >= 1 && sent.claims.length <= 8, 'only retrieved claims');
  assert.equal(sent.topics, undefined);
  assert.equal(first.answer, sent.claims[0]?.text);
  const claim = analysis.claims.find((c) => c.display.text.startsWith(first.answer.replace(/[.…]+$/, '').slice(0, 40)));
  assert.ok(claim);
  assert.deepEqual(first.citations, [claim.display, ...claim.members.filter((m) => m !== claim.display)].map(analysis.cite));

  const history: ThreadLink['turns'] = [{ question: BUY, answer: first }];
  const second = await writer.answer({ analysis, question: 'How much will Tokyo invest in US industries?', history });
  assert.equal(second.supported, true);
  const messages = peer.requests[1]?.body?.messages ?? [];
  assert.deepEqual(
    messages.slice(0, 3).map((m) => [m.role, m.role === 'system' ? '' : m.content]),
    [
      ['system', ''],
      ['user', BUY],
      ['assistant', first.answer],
    ],
  );
  assert.equal(messages.length, 4);
  assert.match(messages[3]?.content ?? '', /Question: "How much will Tokyo invest in US industries\?"/);
  assert.equal(peer.requests[1]?.body?.response_format?.json_schema?.name, 'answer');
});

test('a follow-up without a subject of its own keeps the claims behind the earlier answer', async (t) => {
  const peer = await startOpenAiPeer((req) => faithfulAnswer(req.body));
  t.after(() => peer.close());
  const { analysis } = await seedSet();
  const writer = await peerWriter(peer);
  const earlier = answerQuestion(analysis, BUY);
  assert.equal(earlier.supported, true);

  const answer = await writer.answer({ analysis, question: 'And when?', history: [{ question: BUY, answer: earlier }] });
  assert.equal(answer.supported, true);
  const quotes = new Set(earlier.citations.map((c) => c.quote));
  const sent = sentData(peer.requests[0]?.body as ChatCompletionBody);
  assert.ok(sent.claims.length > 0);
  for (const c of sent.claims) {
    const claim = analysis.claims.find((x) => x.members.some((m) => m.text.startsWith(c.text.replace(/[.…]+$/, '').slice(0, 40))));
    assert.ok(claim?.members.some((m) => quotes.has(m.text)), c.text);
  }
});

test('a name the articles never mention: "The articles don\'t say." without calling the model', async (t) => {
  const peer = await startOpenAiPeer([]);
  t.after(() => peer.close());
  const { analysis } = await seedSet();
  const answer = await (await peerWriter(peer)).answer({ analysis, question: 'Did they discuss Taiwan?' });
  assert.deepEqual(answer, { question: 'Did they discuss Taiwan?', answer: NOT_COVERED, supported: false, citations: [] });
  assert.equal(peer.requests.length, 0);
});

test('the model finds the claims do not answer: "The articles don\'t say."', async (t) => {
  const peer = await startOpenAiPeer([{ kind: 'json', content: { supported: false, sentences: [] } }]);
  t.after(() => peer.close());
  const { analysis } = await seedSet();
  const answer = await (await peerWriter(peer)).answer({ analysis, question: 'Why did Japan want more trucks?' });
  assert.deepEqual([answer.answer, answer.supported, answer.citations], [NOT_COVERED, false, []]);
  assert.equal(peer.requests.length, 1);
});

test('an unsupported name is repaired; a figure still invented after repair falls back with a note', async (t) => {
  // The first retrieved claim says Japan moved to obtain cruise missiles from the US.
  const invent =
    (text: string) =>
    (body: ChatCompletionBody): Behaviour => {
      const first = sentData(body).claims[0];
      assert.match(first?.text ?? '', /cruise missiles from the US/);
      return { kind: 'raw', content: JSON.stringify({ supported: true, sentences: [{ text, claims: [first?.id] }] }) };
    };
  const repaired = await startOpenAiPeer((req, index) =>
    index === 0 ? invent('Fumio Kishida said Japan will obtain cruise missiles from the US.')(req.body) : faithfulAnswer(req.body),
  );
  t.after(() => repaired.close());
  const { analysis } = await seedSet();
  const answer = await (await peerWriter(repaired)).answer({ analysis, question: BUY });
  assert.equal(answer.notes, undefined);
  assert.equal(repaired.requests.length, 2);
  assert.deepEqual(sentFailures(repaired.requests[1]?.body as ChatCompletionBody)[0]?.problems, [
    'the name "Fumio" is not in the cited claims',
    'the name "Kishida" is not in the cited claims',
  ]);

  const stubborn = await startOpenAiPeer((req) => invent('Japan will obtain 400 cruise missiles from the US.')(req.body));
  t.after(() => stubborn.close());
  const fallback = await (await peerWriter(stubborn)).answer({ analysis, question: BUY });
  assert.deepEqual(fallback, {
    ...answerQuestion(analysis, BUY),
    notes: ['Answered by the offline engine: the articles did not support enough of what the language model wrote.'],
  });
  assert.equal(stubborn.requests.length, 2);
});
