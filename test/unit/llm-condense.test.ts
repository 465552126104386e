import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { retrieveClaims } from '../../src/core/retrieve-claims.ts';
import { answerContext, briefingContext } from '../../src/llm/condense.ts';
import { analyseSet, FILLER, options, STORY } from '../helpers/engine.ts';

const analysis = analyseSet(STORY);

describe('briefingContext', () => {
  const budget = { pointsPerTopic: 3, wordsPerPoint: 40 };
  const { data, catalog } = briefingContext(analysis, { ...options(), budget });

  test('offers each topic a few more claims than points, each claim once under a short ref', () => {
    assert.deepEqual(data.topics.map((t) => t.id), ['economy', 'security']);
    for (const topic of data.topics) assert.ok(topic.claims.length <= budget.pointsPerTopic + 1, topic.id);
    const refs = data.claims.map((c) => c.id);
    assert.deepEqual(refs, refs.map((_, i) => `c${i + 1}`));
    assert.deepEqual([...catalog.byRef.keys()], refs);
    for (const topic of data.topics) for (const ref of topic.claims) assert.ok(catalog.byRef.has(ref), ref);
  });

  test('sends the engine claims (wording, sources, independence), never whole articles', () => {
    const allSentences = analysis.sentences.map((s) => s.text);
    for (const entry of data.claims) {
      const claim = catalog.byRef.get(entry.id);
      assert.ok(claim);
      assert.ok(allSentences.includes(claim.display.text));
      // The shortened display sentence: every word of the entry is a word of that sentence.
      const words = new Set(claim.display.text.split(/\s+/));
      for (const w of entry.text.replace(/[.…]$/, '').split(/\s+/)) assert.ok(words.has(w) || words.has(`${w}.`), w);
      assert.equal(entry.independent, claim.independentSources);
      const articleNumbers = [...new Set(claim.members.map((m) => analysis.articles.findIndex((a) => a.id === m.articleId) + 1))];
      assert.deepEqual(entry.sources, articleNumbers.sort((a, b) => a - b));
    }
    const sent = JSON.stringify(data);
    for (const sentence of FILLER.split(/(?<=\.) /)) assert.ok(!sent.includes(sentence), sentence);
    assert.ok(sent.length < STORY.reduce((n, a) => n + a.text.length, 0) / 2);
  });

  test('includes the disagreements that touch the offered claims', () => {
    assert.deepEqual(data.disagreements, [
      {
        about: 'Figure: “… imported steel from 20 percent to …”',
        variants: [
          { text: 'from 20 percent to 10 percent', sources: [1, 2] },
          { text: 'from 20 percent to 12 percent', sources: [3] },
        ],
      },
    ]);
  });

  test('one topic only when asked', () => {
    const one = briefingContext(analysis, { ...options(), topic: 'security' });
    assert.deepEqual(one.data.topics.map((t) => t.id), ['security']);
    assert.ok(one.data.claims.every((c) => /missile/.test(c.text)));
  });
});

describe('retrieveClaims and answerContext', () => {
  test('finds the claims a question is about, at most k', () => {
    const claims = retrieveClaims(analysis, 'How many factory jobs are at stake?', 2);
    assert.ok(claims.length >= 1 && claims.length <= 2);
    assert.ok(claims.every((c) => /factory jobs/.test(c.display.text)));
    const { data, catalog } = answerContext(analysis, claims);
    assert.deepEqual(data.claims.map((c) => c.id), claims.map((_, i) => `c${i + 1}`));
    assert.equal(catalog.byRef.get('c1'), claims[0]);
  });

  test('a name the articles never mention retrieves nothing; nor does an empty question', () => {
    assert.deepEqual(retrieveClaims(analysis, 'Did they discuss Atlantis and the tariffs?', 8), []);
    assert.deepEqual(retrieveClaims(analysis, 'What about it?', 8), []);
  });
});
