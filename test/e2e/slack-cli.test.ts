/** `summit slack` as it runs in compose and production: a child process configured by SLACK_* variables. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { REPO } from '../helpers/cli.ts';
import { slashCommandPayload } from '../peers/slack/payloads.ts';
import { SignedRequestSender } from '../peers/slack/signed-request.ts';
import { waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { SlackWebApiPeer } from '../peers/slack/web-api-peer.ts';

/** The environment without any SLACK_* variables the machine may have. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_')));
  return { ...env, LOG_LEVEL: 'info', ...extra };
}

function logLines(child: ChildProcess): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  return lines;
}

test('summit slack --local serves signed commands on its port and stops cleanly on SIGTERM', { timeout: 60_000 }, async (t) => {
  const peer = await SlackWebApiPeer.start();
  t.after(() => peer.close());
  const secret = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, ['bin/summit.js', 'slack', '--local'], {
    cwd: REPO,
    env: cleanEnv({ SLACK_BOT_TOKEN: peer.botToken, SLACK_SIGNING_SECRET: secret, SLACK_API_URL: peer.apiUrl, SLACK_PORT: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => void child.kill('SIGKILL'));
  const logs = logLines(child);
  const listening = await waitFor(() => logs.find((l) => typeof l.port === 'number' && l.mode === 'http'), 'the listening log line', 30_000);
  assert.ok(logs.some((l) => l.level === 40 && /--local/.test(String(l.msg))), 'warns that digests need the worker');

  const sender = new SignedRequestSender(`http://127.0.0.1:${String(listening.port)}/slack/events`, secret);
  const responseUrl = peer.issueResponseUrl(PEER_IDS.general, PEER_IDS.alice);
  const ack = await sender.slashCommand(slashCommandPayload({ text: 'brief', channel: PEER_IDS.general, user: PEER_IDS.alice, responseUrl }));
  assert.equal(ack.status, 200);
  const message = await waitFor(() => peer.botMessages()[0], 'the briefing', 20_000);
  assert.match(message.text, /Japan’s Prime Minister Takaichi Engages Trump on Trade and Security: 5 articles/);

  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 0);
});

test('summit slack without its variables exits 1 naming what is missing', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['bin/summit.js', 'slack', '--local'], { cwd: REPO, env: cleanEnv(env), encoding: 'utf8', timeout: 30_000 });
  const none = run({});
  assert.equal(none.status, 1);
  assert.match(none.stderr, /SLACK_BOT_TOKEN: required/);
  const noSecret = run({ SLACK_BOT_TOKEN: 'xoxb-1' });
  assert.equal(noSecret.status, 1);
  assert.match(noSecret.stderr, /SLACK_SIGNING_SECRET: required in HTTP mode/);
  const wrong = run({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SOCKET_MODE: 'true', SLACK_API_URL: 'ftp://x' });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /SLACK_BOT_TOKEN: must be a bot token/);
  assert.match(wrong.stderr, /SLACK_API_URL/);
});

test('summit slack with a revoked token stops at start with Slack’s reason', { timeout: 60_000 }, async (t) => {
  const peer = await SlackWebApiPeer.start();
  t.after(() => peer.close());
  peer.revoke(peer.botToken);
  const child = spawn(process.execPath, ['bin/summit.js', 'slack', '--local'], {
    cwd: REPO,
    env: cleanEnv({ SLACK_BOT_TOKEN: peer.botToken, SLACK_SIGNING_SECRET: 'x'.repeat(32), SLACK_API_URL: peer.apiUrl, SLACK_PORT: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 1);
  assert.match(stderr, /Slack refused to start the app: token_revoked \(check SLACK_BOT_TOKEN\)/);
});
