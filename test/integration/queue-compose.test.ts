import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { REPO } from '../helpers/cli.ts';

const hasCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
const skip = hasCompose ? false : 'docker-compose is not installed (apt-get install docker-compose; .ci/run installs it)';

function compose(args: string[]) {
  // No .env next to the file in CI: every variable must have a default.
  return spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
  });
}

test('docker-compose.yml validates', { skip }, () => {
  const result = compose(['config', '-q']);
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /WARNING/, 'no variable is left without a default');
});

test('compose runs Redis with AOF persistence and a worker that waits for it', { skip }, () => {
  const services = compose(['config', '--services']).stdout.split('\n').filter(Boolean);
  assert.ok(services.includes('redis') && services.includes('worker'), services.join(','));
  const resolved = compose(['config']).stdout;
  assert.match(resolved, /- --appendonly\n\s*- "yes"/);
  assert.match(resolved, /redis-data:\/data/);
  assert.match(resolved, /REDIS_URL: redis:\/\/redis:6379/);
  assert.match(resolved, /condition: service_healthy/);
  assert.match(resolved, /stop_grace_period: 30s/);
});
