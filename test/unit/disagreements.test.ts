import assert from 'node:assert/strict';
import { test } from 'node:test';
import { termOf } from '../../src/core/text/tokens.ts';
import { brief } from '../helpers/engine.ts';

/** Two reports of one sentence, differing only where `a` and `b` differ. */
const pair = (a: string, b: string) =>
  brief([
    { source: 'one.txt', text: a },
    { source: 'two.txt', text: b },
  ]).disagreements;

test('a phrase of function words after a locative is not a place', () => {
  const found = pair(
    'Canberra has put the total cost of the submarine program at up to 368 billion dollars over three decades.',
    'Canberra has put the total cost of the submarine program at as much as 368 billion dollars over three decades.',
  );
  assert.deepEqual(found, []);
});

test('a real place after a locative still is', () => {
  const found = pair(
    'The two leaders held their talks at the official residence in Tokyo on Tuesday, officials said.',
    'The two leaders held their talks at the state guest house in Tokyo on Tuesday, officials said.',
  );
  assert.deepEqual(
    found.map((d) => [d.kind, d.variants.map((v) => v.text)]),
    [['place', ['their talks at the official residence in Tokyo', 'their talks at the state guest house in Tokyo']]],
  );
});

test('two hyphenated forms of one name ("Chinese-origin", "Chinese-sourced") do not disagree', () => {
  const found = pair(
    'Exporters must get licences for products containing even small amounts of Chinese-origin rare earths.',
    'Exporters must get licences for products containing even small amounts of Chinese-sourced rare earths.',
  );
  assert.deepEqual(found, []);
});

test('irregular verb forms share a term with their base form', () => {
  const pairs: [string, string][] = [['bought', 'buy'], ['met', 'meet'], ['rose', 'rise'], ['sold', 'sell']];
  for (const [form, base] of pairs) {
    assert.equal(termOf(form), termOf(base), form);
  }
});

test('wording is not a conflict: a pronoun for a name, dots in an initialism, a weekday for a date, one duration in two units', () => {
  const cases: [string, string][] = [
    [
      'Takaichi told reporters after the talks that the alliance had entered a new golden age of cooperation.',
      'She told reporters after the talks that the alliance had entered a new golden age of cooperation.',
    ],
    [
      'The Japan-US summit produced a framework on critical minerals and a pledge on shipbuilding.',
      'The Japan-U.S. summit produced a framework on critical minerals and a pledge on shipbuilding.',
    ],
    [
      'The two leaders signed the framework at the palace on Tuesday before a working lunch with ministers.',
      'The two leaders signed the framework at the palace on Oct. 28 before a working lunch with ministers.',
    ],
    [
      'Canberra estimates the submarine program will cost up to 368 billion dollars over three decades.',
      'Canberra estimates the submarine program will cost up to 368 billion dollars over 30 years.',
    ],
  ];
  for (const [a, b] of cases) assert.deepEqual(pair(a, b), [], `${a} / ${b}`);
});

test('two different weekdays for one meeting are a date conflict', () => {
  const found = pair(
    'The two leaders signed the framework at the palace on Tuesday before a working lunch with ministers.',
    'The two leaders signed the framework at the palace on Wednesday before a working lunch with ministers.',
  );
  assert.deepEqual(
    found.map((d) => [d.kind, d.variants.map((v) => v.text)]),
    [['date', ['at the palace on Tuesday before a', 'at the palace on Wednesday before a']]],
  );
});

test('a determiner or a generic origin against a name is not a conflict of detail', () => {
  const cases: [string, string][] = [
    [
      'The ministry said foreign investors had pulled out of the port project after the vote.',
      'The ministry said US investors had pulled out of the port project after the vote.',
    ],
    [
      'According to local media, the convoy crossed the border before dawn on the second day.',
      'According to Xinhua media, the convoy crossed the border before dawn on the second day.',
    ],
    [
      'Officials described the plan as the cornerstone of the region\'s energy policy for the decade.',
      'Officials described the plan as the cornerstone of Norway\'s energy policy for the decade.',
    ],
  ];
  for (const [a, b] of cases) assert.deepEqual(pair(a, b), [], `${a} / ${b}`);
});

test('a kind against a named kind of the same thing still is a detail', () => {
  const found = pair(
    'Washington agreed to supply the navy with cruise missiles before the end of next year.',
    'Washington agreed to supply the navy with Tomahawk missiles before the end of next year.',
  );
  assert.deepEqual(
    found.map((d) => [d.kind, d.variants.map((v) => v.text)]),
    [['detail', ['supply the navy with cruise missiles before', 'supply the navy with Tomahawk missiles before']]],
  );
});

test('words after a locative that end in a function word or a verb are not a place', () => {
  const found = pair(
    'The council voted on the plan in turning this district into a free-trade zone by spring.',
    'The council voted on the plan in making the district into a free-trade zone by spring.',
  );
  assert.deepEqual(found, []);
});

test('a hedged round figure close to an exact one is not a conflict; a distant one is', () => {
  assert.deepEqual(
    pair(
      'Brent crude settled at 102 dollars a barrel on Friday after the output cut was announced.',
      'Brent crude settled at a little over 100 dollars a barrel on Friday after the output cut was announced.',
    ),
    [],
  );
  const far = pair(
    'Brent crude settled at 102 dollars a barrel on Friday after the output cut was announced.',
    'Brent crude settled at about 80 dollars a barrel on Friday after the output cut was announced.',
  );
  assert.equal(far.length, 1);
  assert.equal(far[0]?.kind, 'number');
});

test('a description against a multi-word name of the same thing is not a conflict of detail', () => {
  const found = pair(
    'The buyers include PIF, the kingdom\'s sovereign investment fund, and two private equity firms.',
    'The buyers include PIF, the kingdom\'s Public Investment Fund, and two private equity firms.',
  );
  assert.deepEqual(found, []);
});

test('a time or an abstract phrase after "in" is not a place', () => {
  const found = pair(
    'The envoy said the two sides would meet again in the near future to settle the border question.',
    'The envoy said the two sides would meet again in the importance of diplomacy to settle the border question.',
  );
  assert.deepEqual(found, []);
});
