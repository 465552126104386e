import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOKEN_TARGET, tokenComparison } from '../../bench/tokens.ts';

test('the LLM briefing prompt for the seed set stays within 40% of a naive all-articles prompt', async () => {
  const { ratio, table } = await tokenComparison();
  assert.ok(ratio > 0.1, `implausibly small prompt:\n${table}`);
  assert.ok(ratio <= TOKEN_TARGET, table);
});
