import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import type { Answer, Briefing } from '../../src/core/types.ts';
import { REPO } from '../helpers/cli.ts';
import { faithfulAnswer, faithfulBriefing } from '../peers/openai/replies.ts';
import { type OpenAiPeer, PEER_API_KEY, startOpenAiPeer } from '../peers/openai/server.ts';

/** Runs the real CLI without blocking this process, where the peer is serving. */
function summit(args: string[], env: Record<string, string>) {
  // Nothing from the developer's own environment decides which engine runs here.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_') && k !== 'SUMMIT_ENGINE'),
  );
  const child = spawn(process.execPath, ['bin/summit.js', ...args], { cwd: REPO, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const llmEnv = (peer: OpenAiPeer) => ({
  OPENAI_API_KEY: PEER_API_KEY,
  OPENAI_BASE_URL: peer.baseUrl,
  OPENAI_MODEL: 'test-model',
  OPENAI_MAX_RETRIES: '0',
});

async function peerFor(t: { after: (fn: () => Promise<void>) => void }) {
  const peer = await startOpenAiPeer((req) =>
    req.body.response_format?.json_schema?.name === 'briefing' ? faithfulBriefing(req.body) : faithfulAnswer(req.body),
  );
  t.after(() => peer.close());
  return peer;
}

test('summit brief / ask use the LLM when OPENAI_API_KEY is set, and report token usage', async (t) => {
  const peer = await peerFor(t);
  const brief = await summit(['brief', '--format', 'json'], llmEnv(peer));
  assert.equal(brief.code, 0, brief.stderr);
  assert.equal((JSON.parse(brief.stdout) as Briefing).engine, 'openai:test-model/prompt-v1');
  assert.match(brief.stderr, /summit: llm: briefing call to test-model: ok, \d+ prompt \+ \d+ completion tokens/);

  const ask = await summit(['ask', 'How much will Tokyo invest in US industries?', '--format', 'json'], llmEnv(peer));
  assert.equal(ask.code, 0, ask.stderr);
  assert.equal((JSON.parse(ask.stdout) as Answer).supported, true);
  assert.equal(peer.requests.length, 2);
});

test('a failing model: exit 0, the offline briefing, and the note on stderr', async (t) => {
  const peer = await startOpenAiPeer([{ kind: 'error', status: 500 }]);
  t.after(() => peer.close());
  const result = await summit(['brief', '--format', 'json'], llmEnv(peer));
  assert.equal(result.code, 0, result.stderr);
  const briefing = JSON.parse(result.stdout) as Briefing;
  assert.equal(briefing.engine, 'summit-offline/3');
  assert.deepEqual(briefing.notes, ['Written by the offline engine: the language model service had an error.']);
  assert.match(result.stderr, /summit: note: Written by the offline engine: the language model service had an error\./);
});

test('--engine and SUMMIT_ENGINE choose; without a key, auto is offline and llm is an error', async (t) => {
  const peer = await peerFor(t);
  const noKey = { OPENAI_BASE_URL: peer.baseUrl };
  const auto = await summit(['brief', '--format', 'json'], noKey);
  assert.equal((JSON.parse(auto.stdout) as Briefing).engine, 'summit-offline/3');

  const offline = await summit(['brief', '--format', 'json', '--engine', 'offline'], llmEnv(peer));
  assert.equal((JSON.parse(offline.stdout) as Briefing).engine, 'summit-offline/3');
  const fromEnv = await summit(['brief', '--format', 'json'], { ...llmEnv(peer), SUMMIT_ENGINE: 'offline' });
  assert.equal((JSON.parse(fromEnv.stdout) as Briefing).engine, 'summit-offline/3');
  assert.equal(peer.requests.length, 0);

  const missing = await summit(['brief', '--engine', 'llm'], noKey);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /OPENAI_API_KEY: required for the LLM engine/);
  assert.equal(missing.stdout, '');

  const bad = await summit(['brief', '--engine', 'gpt'], {});
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Allowed choices are auto, offline, llm/);
});
