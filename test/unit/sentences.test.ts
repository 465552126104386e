import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../src/core/text/sentences.ts';

test('keeps abbreviations, initialisms and decimals inside sentences', () => {
  const text =
    'Mr. Abe met U.S. officials on Oct. 28 in Tokyo. Growth was 2.5% in Q3. The U.S. said so. She left.';
  assert.deepEqual(splitSentences(text), [
    'Mr. Abe met U.S. officials on Oct. 28 in Tokyo.',
    'Growth was 2.5% in Q3.',
    'The U.S. said so.',
    'She left.',
  ]);
});

test('ends a sentence after an initialism when a new sentence clearly starts', () => {
  assert.deepEqual(splitSentences('Tariffs hit the U.S. The talks failed.'), [
    'Tariffs hit the U.S.',
    'The talks failed.',
  ]);
});

test('keeps closing quotes with their sentence and splits on ! and ?', () => {
  assert.deepEqual(splitSentences('“We will win,” he said. “Really?” she asked! Yes.'), [
    '“We will win,” he said.',
    '“Really?” she asked!',
    'Yes.',
  ]);
});

test('line breaks always end a sentence and blank lines are ignored', () => {
  assert.deepEqual(splitSentences('First line without stop\n\nSecond line.'), [
    'First line without stop',
    'Second line.',
  ]);
});
