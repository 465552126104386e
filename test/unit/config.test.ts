import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ConfigError, parseEnv } from '../../src/config/parse-env.ts';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REDIS_URL: z.url(),
});

test('parses and applies defaults', () => {
  assert.deepEqual(parseEnv(schema, { REDIS_URL: 'redis://127.0.0.1:6379' }), {
    PORT: 3000,
    REDIS_URL: 'redis://127.0.0.1:6379',
  });
});

test('errors name every bad variable', () => {
  assert.throws(
    () => parseEnv(schema, { PORT: 'eighty', REDIS_URL: 'nope' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.variables.includes('PORT') &&
      error.variables.includes('REDIS_URL') &&
      /PORT: /.test(error.message),
  );
});
