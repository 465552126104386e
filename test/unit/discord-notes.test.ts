import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerMessage } from '../../src/chat/discord/render/answer.ts';
import { briefingMessages } from '../../src/chat/discord/render/briefing.ts';
import { brief, STORY } from '../helpers/engine.ts';

const NOTE = 'Written by the offline engine: the language model service had an error.';

test('discord: engine notes are shown under the briefing header and under answers', () => {
  const briefing = { ...brief(STORY), notes: [NOTE] };
  const [first] = briefingMessages({ briefingId: 'abc', briefing }, { maxMessages: 3 });
  assert.match(first?.content ?? '', /-# Written by the offline engine/);
  const answer = answerMessage(
    { question: 'q', answer: "The articles don't say.", supported: false, citations: [], notes: [NOTE] },
    briefing.articles,
  );
  assert.match(answer.content ?? '', /The articles don't say\.\n-# Written by the offline engine/);
});
