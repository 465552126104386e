import assert from 'node:assert/strict';
import { test } from 'node:test';
import { balanceQuotes } from '../../src/core/briefing.ts';
import { tidyPunctuation } from '../../src/core/clean/boilerplate.ts';
import { cleanArticleText } from '../../src/core/clean/clean-article.ts';
import { countWords, isTitleCase, splitGluedHeading } from '../../src/core/clean/headings.ts';
import { repairMojibake } from '../../src/core/clean/mojibake.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';

const dictionary = englishWords();

test('repairs UTF-8 read as Windows-1252 and Windows-1250', () => {
  assert.equal(repairMojibake('It\u00e2\u20ac\u2122s a caf\u00c3\u00a9'), 'It\u2019s a caf\u00e9');
  assert.equal(repairMojibake('\u0111\u017a\u201d\u2014 Share'), '\u{1F517} Share');
});

test('leaves correct non-ASCII text alone', () => {
  const text = 'Zürich, São Paulo, Kraków, naïve — “quoted” 日本';
  assert.equal(repairMojibake(text), text);
});

test('drops share bars, widgets, credit lines and stray punctuation, keeps sentences', () => {
  const raw = [
    '\u0111\u017a\u201d\u2014 Share this article The minister announced a new budget on Monday.',
    'Impact Shorts',
    'More ShortsEyes on Asia',
    'The budget raises spending by 4 per cent.',
    'With inputs from agencies',
    ')',
    ')',
  ].join('\n');
  const cleaned = cleanArticleText(raw, dictionary);
  assert.deepEqual(cleaned.sentences, [
    'The minister announced a new budget on Monday.',
    'The budget raises spending by 4 per cent.',
  ]);
  for (const noise of ['Share', 'Impact Shorts', 'With inputs from agencies']) {
    assert.ok(!cleaned.sentences.join(' ').includes(noise), noise);
  }
});

test('splits section headings glued into running text', () => {
  assert.deepEqual(
    splitGluedHeading('Trade Outlook and Talks Not many expect a deal this week.', dictionary),
    {
      heading: 'Trade Outlook and Talks',
      sentence: 'Not many expect a deal this week.',
    },
  );
  assert.deepEqual(
    splitGluedHeading('Security Cooperation and Strains Japan has also moved to buy missiles.', dictionary),
    { heading: 'Security Cooperation and Strains', sentence: 'Japan has also moved to buy missiles.' },
  );
});

test('splits a sentence-case heading glued to the text; outlets and places named "The ..." stay', () => {
  const glued = 'Market reaction Harbour shares drop by the daily limit Following the ruling, Harbour Holdings shares fell 10% in Shenzhen.';
  assert.deepEqual(cleanArticleText(glued, dictionary).sentences, [
    'Following the ruling, Harbour Holdings shares fell 10% in Shenzhen.',
  ]);
  for (const kept of [
    'The minister told The Associated Press that the talks would resume on Friday in Geneva.',
    'Judges sitting in The Hague rejected the claim in a unanimous ruling last July.',
  ]) {
    assert.deepEqual(cleanArticleText(kept, dictionary).sentences, [kept]);
  }
});

test('does not mistake a titled name for a heading', () => {
  assert.equal(
    splitGluedHeading('Prime Minister Sanae Takaichi met the president on Tuesday.', dictionary),
    undefined,
  );
  assert.equal(
    splitGluedHeading('Defence Minister Gen Nakatani said the plan was ready.', dictionary),
    undefined,
  );
  assert.equal(splitGluedHeading('The European Union and Japan signed a deal.', dictionary), undefined);
});

test('a Title Case first sentence becomes the headline, not a body sentence', () => {
  const cleaned = cleanArticleText(
    'New Leader Hopes to Win Over Key Partners in Talks. The leader arrives in the capital on Monday for talks.',
    dictionary,
  );
  assert.equal(cleaned.headline, 'New Leader Hopes to Win Over Key Partners in Talks');
  assert.deepEqual(cleaned.sentences, ['The leader arrives in the capital on Monday for talks.']);
});

test('countWords counts like splitting on whitespace, and stops at its limit', () => {
  for (const text of ['a  b', ' a b ', '', 'x', ' \t\u00A0y z\u3000w', 'one\ntwo\r\nthree', 'Prime Minister Sanae Takaichi']) {
    assert.equal(countWords(text), text.split(/\s+/).filter(Boolean).length, JSON.stringify(text));
  }
  assert.equal(countWords('one two three four five six', 4), 4);
});

test('wire datelines, credit lines and publishing notes go; the news sentences stay', () => {
  const news = [
    'Japanese Prime Minister Sanae Takaichi pledged on Tuesday to strengthen the alliance with the United States.',
    'The deal, signed at the Akasaka Palace, covers rare earths and critical minerals worth billions of dollars to both countries.',
    'Trump arrived at Haneda airport on Monday evening aboard Air Force One, then travelled by helicopter to the residence.',
  ];
  const noise = [
    '(Reporting by Kantaro Komiya and John Geddie; Editing by Lincoln Feast and Kim Coghill)',
    'Our Standards: The Thomson Reuters Trust Principles., opens new tab',
    'This article was produced with the help of AI and edited by our newsroom staff.',
    'Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
    'Read the full story on our website, where you can also leave a comment below.',
    'Story continues below advertisement',
  ];
  const text = [`TOKYO, Oct 28 (Reuters) - ${news[0]}`, noise[0], news[1], ...noise.slice(1), news[2]].join('\n\n');
  const cleaned = cleanArticleText(text, dictionary);
  assert.deepEqual(cleaned.sentences, news);
  assert.ok(cleaned.removed.some((r) => r.startsWith('TOKYO, Oct 28 (Reuters)')), 'the dateline is recorded as removed');
  const reprint = cleanArticleText(`Canberra, Oct 21 (AAP) \u2014 ${news[1]}`, dictionary);
  assert.deepEqual(reprint.sentences, [news[1]]);
  const desk = cleanArticleText(`BEIJING/MANILA (Asia Desk) - ${news[2]}`, dictionary);
  assert.deepEqual(desk.sentences, [news[2]], 'a desk name in place of the agency');
  assert.deepEqual(cleanArticleText(`NEWSWIRE.CO, Jakarta - ${news[1]}`, dictionary).sentences, [news[1]], 'an outlet web name');
  const prose = 'Canberra and Washington (both allies) - as officials put it - agreed to talk again on Friday.';
  assert.deepEqual(cleanArticleText(prose, dictionary).sentences, [prose], 'no agency, no dateline');
});

test('mixed-case datelines with a month and day go, with or without a colon; a place opening a sentence stays', () => {
  const news = 'The two presidents agreed on Monday to widen cooperation on shipbuilding and energy.';
  assert.deepEqual(cleanArticleText(`Ostrava/Brno, Mar 14: ${news}`, dictionary).sentences, [news]);
  assert.deepEqual(cleanArticleText(`Ostrava, Mar 15 ${news}`, dictionary).sentences, [news]);
  assert.deepEqual(cleanArticleText(`OSTRAVA (Reuters) -${news}`, dictionary).sentences, [news], 'a dash touching the text');
  const place = 'Ostrava, the country\'s third city, hosted the talks on Monday.';
  assert.deepEqual(cleanArticleText(place, dictionary).sentences, [place]);
});

test('a present-tense photo caption dated in full is dropped; a dated news sentence stays', () => {
  const caption = 'Cadets of the naval academy march during a ceremony marking the founding of the fleet, in Harbour Square on Apr. 2, 2026.';
  const news = 'The defence minister inspected the new frigates in the harbour on Apr. 2, 2026.';
  const cleaned = cleanArticleText([caption, news].join('\n\n'), dictionary);
  assert.deepEqual(cleaned.sentences, [news]);
});

test('isTitleCase tells headlines from sentences, quotes and punctuation aside', () => {
  const headlines = [
    '\u2018Full Steam Ahead\u2019: Trump Endorses AUKUS as Albanese Signs Rare Earths Deal at White House',
    'Japan\'s New PM Hopes to Leverage Shinzo Abe\'s Connection in Key Discussions with Trump.',
    '"Quoted" Title Case Words (Here) Now',
  ];
  const sentences = [
    'The government of Freedonia announced on Monday that it will cut tariffs on imported steel.',
    'Trump Said It Was Great, but officials in both capitals cast doubt on the timetable for talks.',
    'Rare Earths Deal',
  ];
  for (const h of headlines) assert.equal(isTitleCase(h), true, h);
  for (const s of sentences) assert.equal(isTitleCase(s), false, s);
});

test('a point from inside a longer quotation gets the quote mark it lacks', () => {
  assert.equal(balanceQuotes('Give my regards to the envoys, as you plot against us.\u201D'), '\u201CGive my regards to the envoys, as you plot against us.\u201D');
  assert.equal(balanceQuotes('\u201CWe will not back down, the minister said.'), '\u201CWe will not back down, the minister said.\u201D');
  assert.equal(balanceQuotes('An ally said he "deeply regrets the deal.'), 'An ally said he "deeply regrets the deal."');
  assert.equal(balanceQuotes('It was a dark day," the premier said.'), '"It was a dark day," the premier said.');
  assert.equal(balanceQuotes('He called it "a fair bargain" on Monday.'), 'He called it "a fair bargain" on Monday.');
});

test('list markers and quotes closed against the next sentence are tidied', () => {
  assert.equal(tidyPunctuation('- 06:14 local time: the cutter gives chase.'), '06:14 local time: the cutter gives chase.');
  assert.equal(tidyPunctuation('We agreed.\u201DUnder the deal, tariffs fall.'), 'We agreed.\u201D Under the deal, tariffs fall.');
});
