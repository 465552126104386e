import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerQuestion, NOT_COVERED } from '../../src/core/answer.ts';
import { DEFAULT_BUDGET } from '../../src/core/briefing.ts';
import type { Briefing } from '../../src/core/types.ts';
import { analyseSet, brief, STORY } from '../helpers/engine.ts';

const groupOf = (b: Briefing, source: string) => b.articles.find((a) => a.source === source)?.group;

test('rewrites of one report form one group; independent and filler articles stand alone', () => {
  const b = brief(STORY);
  const g = groupOf(b, 'a-original.txt');
  assert.equal(groupOf(b, 'b-rewrite.txt'), g);
  assert.equal(groupOf(b, 'c-rewrite.txt'), g, 'reordered rewrite in one paragraph');
  assert.notEqual(groupOf(b, 'd-independent.txt'), g);
  assert.notEqual(groupOf(b, 'e-filler.txt'), g);
  assert.notEqual(groupOf(b, 'e-filler.txt'), groupOf(b, 'd-independent.txt'));
});

test('flags the article without specific facts as low-information, and only it', () => {
  const b = brief(STORY);
  assert.deepEqual(
    b.articles.filter((a) => a.lowInformation).map((a) => a.source),
    ['e-filler.txt'],
  );
});

test('corroboration counts independent groups, not copies', () => {
  const b = brief(STORY);
  const points = b.topics.flatMap((t) => t.points);
  const jobs = points.find((p) => p.text.includes('protect 12,000'));
  assert.ok(jobs, 'the 12,000 jobs claim is a point');
  const articles = new Set(jobs.citations.map((c) => c.articleId));
  assert.ok(articles.size >= 3, 'cites the original and its rewrites');
  assert.equal(jobs.independentSources, 1, 'three copies of one report are one source');
});

test('every quote is a verbatim sentence of its article and every number of a point is in its quotes', () => {
  const b = brief(STORY);
  const texts = new Map(STORY.map((s) => [s.source, s.text.replace(/\s+/g, ' ')]));
  for (const point of b.topics.flatMap((t) => t.points)) {
    assert.ok(point.citations.length > 0);
    const quotes = point.citations.map((c) => c.quote).join(' ');
    for (const c of point.citations) {
      const source = b.articles.find((a) => a.id === c.articleId)?.source ?? '';
      assert.ok(texts.get(source)?.includes(c.quote), `quote not verbatim: ${c.quote}`);
    }
    for (const n of point.text.match(/\d[\d,.]*\d|\d/g) ?? []) assert.ok(quotes.includes(n), `${n} unbacked`);
    assert.ok(point.text.split(/\s+/).length <= 41, 'point within the word budget');
  }
});

test('surfaces a number on which rewrites disagree, with who says what', () => {
  const b = brief(STORY);
  const tariff = b.disagreements.find(
    (d) => d.variants.some((v) => v.text.includes('12')) && d.kind === 'number',
  );
  assert.ok(tariff, JSON.stringify(b.disagreements, null, 1));
  const ids = (source: string) => b.articles.find((a) => a.source === source)?.id;
  const twelve = tariff.variants.find((v) => v.text.includes('12'));
  assert.deepEqual(twelve?.articleIds, [ids('c-rewrite.txt')]);
  const ten = tariff.variants.find((v) => v.text.includes('10'));
  assert.ok(ten?.articleIds.includes(ids('a-original.txt') as string));
});

test('links use a text fragment when the article has a URL, a local anchor otherwise', () => {
  const b = brief(STORY);
  const cites = b.topics.flatMap((t) => t.points.flatMap((p) => p.citations));
  const withUrl = cites.find((c) => c.link.startsWith('https://'));
  assert.match(withUrl?.link ?? '', /^https:\/\/example\.com\/news\/steel\?x=1#:~:text=/);
  const local = cites.find((c) => c.link.startsWith('/articles/'));
  assert.match(local?.link ?? '', /^\/articles\/[0-9a-f]{12}#s\d+$/);
});

test('topics come from data: only the given topics appear, claims may be in several', () => {
  const b = brief(STORY);
  assert.deepEqual(
    b.topics.map((t) => t.id),
    ['economy', 'security'],
  );
  assert.ok(b.topics.every((t) => t.points.length <= DEFAULT_BUDGET.pointsPerTopic));
  assert.ok(b.topics.find((t) => t.id === 'security')?.points.some((p) => /missile/.test(p.text)));
});

test('answers cite the articles, and say plainly when they do not cover a question', () => {
  const analysis = analyseSet(STORY);
  const jobs = answerQuestion(analysis, 'How many factory jobs are at stake?');
  assert.equal(jobs.supported, true);
  assert.match(jobs.answer, /12,000/);
  assert.ok(jobs.citations.length > 0);
  const absent = answerQuestion(analysis, 'Did they discuss Atlantis?');
  assert.deepEqual([absent.supported, absent.answer, absent.citations.length], [false, NOT_COVERED, 0]);
});

test('is deterministic: the same set gives the same briefing', () => {
  assert.deepEqual(brief(STORY), brief([...STORY]));
});

test('an empty or boilerplate-only set gives an empty briefing, not an error', () => {
  const b = brief([{ source: 'x.txt', text: 'Share this article\n)\n)' }]);
  assert.deepEqual([b.articles.length, b.topics.flatMap((t) => t.points).length], [0, 0]);
});

test('keyword-stuffed filler is flagged and neither briefed, quoted nor counted as corroboration', () => {
  // Word salad made of the story's own words: what spam pages do to rank for a story.
  const words = STORY.map((s) => s.text)
    .join(' ')
    .split(/\s+/);
  let seed = 7;
  const pick = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return words[seed % words.length] as string;
  };
  const salad = Array.from({ length: 3000 }, pick).join(' ');
  const b = brief([...STORY, { source: 'z-spam.txt', text: salad }]);
  const spam = b.articles.find((a) => a.source === 'z-spam.txt');
  assert.equal(spam?.lowInformation, true);
  for (const point of b.topics.flatMap((t) => t.points)) {
    assert.ok(!point.citations.some((c) => c.articleId === spam?.id), `spam quoted in: ${point.text}`);
  }
  const jobs = b.topics.flatMap((t) => t.points).find((p) => p.text.includes('protect 12,000'));
  assert.equal(jobs?.independentSources, 1);
});

test('a trimmed edit of a wire report that keeps a third of its sentences and adds its own is one group with it', () => {
  const wire = [
    'Prosecutors in Marsburg said on Tuesday that the stolen tiaras are worth an estimated 88 million euros.',
    'About 100 investigators are now involved in the hunt for the jewels and the gang behind the raid.',
    '“The thieves will not earn 88 million euros if they have the bad idea of melting the jewels down,” the prosecutor said.',
    'Questions have been raised about alarms at the museum, which drew nine million visitors last year.',
    'The culture minister insisted that the museum’s alarm system had worked as designed on the day.',
    'She ordered an administrative inquiry alongside the police investigation into the raid.',
    'She gave no details of how the gang reached the upper gallery in broad daylight.',
    'The raid was a wound for the whole nation, the minister told reporters outside the ministry.',
    'Museum staff evacuated about 300 visitors from the wing within minutes of the first alarm.',
  ];
  const edit = [
    'A prosecutor in Marsburg said on Tuesday that the tiaras stolen in the dramatic raid are worth an estimated 88 million euros.',
    'The prosecutor told a radio station that about 100 investigators are now involved in the hunt for the jewels and the gang.',
    '“The thieves will not earn 88 million euros if they have the bad idea of melting the jewels down,” she added.',
    'The gang forced a window of the upper gallery with a cutting disc on Sunday morning.',
    'They fled on two scooters towards the ring road, where a fourth accomplice was waiting.',
    'One tiara was found damaged in the street near the museum an hour after the raid.',
    'Police released images of the lift truck the gang used to reach the gallery.',
    'Insurers said most of the pieces in the collection had never been valued on the open market.',
    'The museum stayed closed on Monday and reopened to visitors on Wednesday.',
  ];
  const other = [
    'Art-crime specialists said jewels of this kind are usually broken up and sold within days of a theft.',
    'The museum’s director was due to answer questions from senators about alarms next week.',
    'Lawmakers have demanded a review of security at every national museum before the summer season.',
  ];
  const b = brief([
    { source: 'wire.txt', text: wire.join(' ') },
    { source: 'edit.txt', text: edit.join(' ') },
    { source: 'other.txt', text: other.join(' ') },
  ]);
  const groupOf = (source: string) => b.articles.find((a) => a.source === source)?.group;
  assert.equal(groupOf('wire.txt'), groupOf('edit.txt'), 'three shared sentences of nine');
  assert.notEqual(groupOf('other.txt'), groupOf('wire.txt'));
});
