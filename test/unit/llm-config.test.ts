import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadLlmConfig } from '../../src/config/llm.ts';
import { ConfigError } from '../../src/config/parse-env.ts';

test('nothing set: the offline engine', () => {
  assert.deepEqual(loadLlmConfig({}), { engine: 'offline' });
  assert.deepEqual(loadLlmConfig({ OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }), { engine: 'offline' });
});

test('a key selects the LLM, with defaults for everything else', () => {
  assert.deepEqual(loadLlmConfig({ OPENAI_API_KEY: 'sk-x' }), {
    engine: 'llm',
    openai: {
      apiKey: 'sk-x',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      timeoutMs: 30_000,
      maxRetries: 2,
      maxRetryWaitMs: 20_000,
      maxOutputTokens: 2_000,
    },
  });
});

test('a local OpenAI-compatible server: base URL (trailing slash dropped), model, limits', () => {
  const config = loadLlmConfig({
    OPENAI_API_KEY: 'ollama',
    OPENAI_BASE_URL: 'http://localhost:11434/v1/',
    OPENAI_MODEL: 'llama3.1:8b',
    OPENAI_TIMEOUT_MS: '120000',
    OPENAI_MAX_RETRIES: '0',
  });
  assert.equal(config.openai?.baseUrl, 'http://localhost:11434/v1');
  assert.equal(config.openai?.model, 'llama3.1:8b');
  assert.equal(config.openai?.timeoutMs, 120_000);
  assert.equal(config.openai?.maxRetries, 0);
});

test('SUMMIT_ENGINE and the CLI override choose; the override wins', () => {
  assert.equal(loadLlmConfig({ OPENAI_API_KEY: 'sk-x', SUMMIT_ENGINE: 'offline' }).engine, 'offline');
  assert.equal(loadLlmConfig({ OPENAI_API_KEY: 'sk-x', SUMMIT_ENGINE: 'offline' }, 'llm').engine, 'llm');
  assert.equal(loadLlmConfig({ OPENAI_API_KEY: 'sk-x' }, 'offline').engine, 'offline');
});

test('asking for the LLM without a key is an error naming OPENAI_API_KEY, not a silent offline run', () => {
  for (const attempt of [() => loadLlmConfig({}, 'llm'), () => loadLlmConfig({ SUMMIT_ENGINE: 'llm' })]) {
    assert.throws(attempt, (e: unknown) => e instanceof ConfigError && e.variables.join() === 'OPENAI_API_KEY');
  }
});

test('bad values are errors naming each variable', () => {
  assert.throws(
    () =>
      loadLlmConfig({
        OPENAI_API_KEY: 'sk-x',
        OPENAI_BASE_URL: 'ftp://example.com',
        OPENAI_TIMEOUT_MS: 'soon',
        OPENAI_MAX_RETRIES: '-1',
        SUMMIT_ENGINE: 'gpt',
      }),
    (e: unknown) =>
      e instanceof ConfigError &&
      ['OPENAI_BASE_URL', 'OPENAI_TIMEOUT_MS', 'OPENAI_MAX_RETRIES', 'SUMMIT_ENGINE'].every((v) => e.variables.includes(v)),
  );
});
