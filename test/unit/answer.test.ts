import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerQuestion, NOT_COVERED } from '../../src/core/answer.ts';
import type { ArticleInput } from '../../src/core/types.ts';
import { analyseSet, STORY } from '../helpers/engine.ts';

const analysis = analyseSet(STORY);
const ask = (question: string, set = analysis) => answerQuestion(set, question);

test('a question about something the set never mentions is not covered, whatever word it shares', () => {
  for (const question of ['Who won the election?', 'What is the weather in Ridgeview?']) {
    assert.equal(ask(question).answer, NOT_COVERED, question);
  }
  assert.equal(ask('How many factory jobs are at stake?').supported, true, 'phrasing words alone do not block');
});

test('"how did X react" is answered by what was said', () => {
  const set = analyseSet([
    { source: 'a.txt', text: 'Sylvania and Freedonia signed a broader trade agreement in Ridgeview on Monday, covering 40 products and 3 ports.' },
    { source: 'b.txt', text: "Sylvania's foreign ministry said the trade agreement was a fair bargain, Anna Petrova reported from Marsburg." },
  ]);
  const answer = ask('How did Sylvania react to the trade agreement?', set);
  assert.equal(answer.supported, true);
  assert.match(answer.answer, /^Sylvania's foreign ministry said/);
});

test('a country in the question matches its demonym in the articles', () => {
  const set = analyseSet([
    ...STORY,
    { source: 'f-port.txt', text: 'Marsovian dockers at the port of Ridgeview unloaded a record cargo of grain on Friday.' },
  ] satisfies ArticleInput[]);
  const answer = ask('What did dockers from Marsovia unload?', set);
  assert.equal(answer.supported, true, 'Marsovia is named, as "Marsovian"');
  assert.match(answer.answer, /^Marsovian dockers/);
  assert.equal(ask('What did dockers from Ruritania unload?', set).answer, NOT_COVERED);
});

test('what only filler articles say never answers while real reports exist', () => {
  const answer = ask('What will shape the future for years to come?');
  assert.equal(answer.answer, NOT_COVERED);
});
