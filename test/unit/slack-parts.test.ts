import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSummitCommand } from '../../src/chat/slack/commands/parse.ts';
import { parseSubscribeArgs } from '../../src/chat/slack/commands/subscribe-args.ts';
import { MemoryEventDedupe } from '../../src/chat/slack/dedupe.ts';
import { SlackApiError, toSlackApiError } from '../../src/chat/slack/errors.ts';
import { questionFromText } from '../../src/chat/slack/followup.ts';
import { section, type Block } from '../../src/chat/slack/render/blocks.ts';
import { absoluteLink, escapeMrkdwn, mrkdwnLink, safeLinkTarget, truncate } from '../../src/chat/slack/render/mrkdwn.ts';
import { shortenToOne, splitMessages } from '../../src/chat/slack/render/pack.ts';
import { parseSlackThreadId, slackThreadId } from '../../src/chat/slack/thread-id.ts';
import { ConfigError } from '../../src/config/parse-env.ts';
import { loadSlackConfig, SLACK_DEFAULT_API_URL } from '../../src/config/slack.ts';

const TOPICS = [
  { id: 'trade', label: 'Trade' },
  { id: 'china', label: 'China' },
];

test('mrkdwn escaping and links: only &, <, > are special; URLs cannot break out of <url|label>', () => {
  assert.equal(escapeMrkdwn('a & <!channel> <@U1> > b'), 'a &amp; &lt;!channel&gt; &lt;@U1&gt; &gt; b');
  assert.equal(safeLinkTarget('javascript:alert(1)'), undefined);
  assert.equal(safeLinkTarget('not a url'), undefined);
  assert.equal(safeLinkTarget('https://x.example/a?b=1&c=<d>|e'), 'https://x.example/a?b=1&amp;c=%3Cd%3E%7Ce');
  assert.equal(mrkdwnLink('https://x.example/', '<!here> [1]'), '<https://x.example/|&lt;!here&gt; [1]>');
  assert.equal(mrkdwnLink(undefined, '[2]'), '[2]');
  assert.equal(absoluteLink('/articles/a1#s3', 'https://summit.example'), 'https://summit.example/articles/a1#s3');
  assert.equal(absoluteLink('/articles/a1#s3', undefined), undefined);
  assert.equal(truncate('fish &amp; chips', 8), 'fish …', 'an escape sequence is never cut in half');
});

test('/summit text parses into commands; anything else is help', () => {
  assert.deepEqual(parseSummitCommand(''), { kind: 'help' });
  assert.deepEqual(parseSummitCommand('  BRIEF   China '), { kind: 'brief', topic: 'China' });
  assert.deepEqual(parseSummitCommand('ask  what  about tariffs?'), { kind: 'ask', question: 'what  about tariffs?' });
  assert.deepEqual(parseSummitCommand('ask'), { kind: 'help', unknown: 'ask' });
  assert.deepEqual(parseSummitCommand('subscribe 08:00 UTC trade,china'), { kind: 'subscribe', args: ['08:00', 'UTC', 'trade', 'china'] });
  assert.deepEqual(parseSummitCommand('dance'), { kind: 'help', unknown: 'dance' });
});

test('subscribe arguments: time, IANA zone and topics in any order after the time', () => {
  assert.deepEqual(parseSubscribeArgs(['7:05', 'china', 'asia/tokyo', 'Trade'], TOPICS), { ok: true, time: '07:05', timeZone: 'Asia/Tokyo', topics: ['china', 'trade'] });
  assert.deepEqual(parseSubscribeArgs(['23:59'], TOPICS, 'America/New_York'), { ok: true, time: '23:59', timeZone: 'America/New_York', topics: [] });
  assert.deepEqual(parseSubscribeArgs(['00:00'], TOPICS, 'Not/AZone'), { ok: true, time: '00:00', timeZone: 'UTC', topics: [] });
  for (const bad of [['24:00'], ['12:60'], ['noon'], ['08:00', 'EST'], ['08:00', 'UTC', 'Europe/Paris'], ['08:00', 'sports']]) {
    assert.equal(parseSubscribeArgs(bad, TOPICS).ok, false, bad.join(' '));
  }
});

test('splitting keeps every block and the limits; shortening says how much was left out', () => {
  const body: Block[] = Array.from({ length: 120 }, (_, i) => section(`block ${i} ${'x'.repeat(400)}`));
  const messages = splitMessages({ text: 't', head: [section('head')], body, tail: [section('tail')] });
  assert.ok(messages.length >= 3);
  for (const m of messages) assert.ok(m.blocks.length <= 50);
  assert.equal(messages[0]?.blocks.at(-1)?.type, 'section', 'the tail closes the first message');
  const texts = messages.flatMap((m) => m.blocks.map((b) => (b.type === 'section' ? b.text.text : '')));
  for (let i = 0; i < 120; i++) assert.ok(texts.some((t) => t.startsWith(`block ${i} `)), `block ${i}`);
  const one = shortenToOne({ text: 't', head: [], body, tail: [] }, (n) => section(`${n} more`));
  assert.ok(one.blocks.length <= 50);
  const note = one.blocks.at(-1);
  assert.ok(note?.type === 'section' && /^\d+ more$/.test(note.text.text), 'the note says how many blocks were left out');
});

test('dedupe claims a key once until it expires', async () => {
  let now = 0;
  const dedupe = new MemoryEventDedupe(1000, () => now);
  assert.equal(await dedupe.claim('a'), true);
  assert.equal(await dedupe.claim('a'), false);
  now = 1001;
  assert.equal(await dedupe.claim('a'), true);
});

test('thread ids, questions and Slack errors', () => {
  assert.deepEqual(parseSlackThreadId(slackThreadId('C123', '1700000000.000100')), { channel: 'C123', ts: '1700000000.000100' });
  assert.equal(parseSlackThreadId('discord:1:2'), undefined);
  assert.equal(questionFromText('<@U0BOT> what about  tariffs &amp; jobs?', 'U0BOT'), 'what about tariffs & jobs?');
  const revoked = toSlackApiError('chat.postMessage', { code: 'slack_webapi_platform_error', data: { ok: false, error: 'token_revoked' } });
  assert.ok(revoked instanceof SlackApiError && revoked.code === 'slack:auth' && revoked.needsAttention);
  const limited = toSlackApiError('chat.postMessage', { code: 'slack_webapi_request_error', message: 'A request error occurred: A rate limit was exceeded (url: x, retry-after: 1)' });
  assert.ok(limited instanceof SlackApiError && limited.code === 'slack:rate_limited' && !limited.needsAttention);
  const plain = new Error('boom');
  assert.equal(toSlackApiError('x', plain), plain);
});

test('Slack config: the mode decides which secrets are required', () => {
  const http = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123', SLACK_ADMIN_USERS: 'U1, W2' });
  assert.deepEqual(http, { mode: 'http', botToken: 'xoxb-1', signingSecret: 'secret-123', apiUrl: SLACK_DEFAULT_API_URL, port: 3000, adminUsers: ['U1', 'W2'] });
  const socket = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api', PUBLIC_BASE_URL: 'https://s.example/' });
  assert.equal(socket.mode, 'socket');
  assert.equal(socket.apiUrl, 'http://127.0.0.1:9/api/');
  assert.equal(socket.publicBaseUrl, 'https://s.example');
  const forcedHttp = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SOCKET_MODE: 'false', SLACK_SIGNING_SECRET: 'secret-123' });
  assert.equal(forcedHttp.mode, 'http');
  const fails = (env: Record<string, string>, variable: string) =>
    assert.throws(() => loadSlackConfig(env), (e: unknown) => e instanceof ConfigError && e.variables.includes(variable));
  fails({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SOCKET_MODE: 'true' }, 'SLACK_APP_TOKEN');
  fails({ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET');
  fails({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123', SLACK_ADMIN_USERS: 'alice' }, 'SLACK_ADMIN_USERS');
  fails({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123', SLACK_PORT: 'eighty' }, 'SLACK_PORT');
});

test('the app manifest declares the command, scopes and events the app uses', () => {
  const manifest = readFileSync(new URL('../../slack/manifest.yml', import.meta.url), 'utf8');
  const listed = (word: string) => new RegExp(`^\\s*- ${word.replace('.', '\\.')}\\b`, 'm').test(manifest);
  assert.match(manifest, /^\s*- command: \/summit$/m);
  // chat.postMessage/update, users.info, conversations.info (public and private), and the listeners.
  for (const scope of ['commands', 'chat:write', 'users:read', 'channels:read', 'groups:read', 'app_mentions:read', 'channels:history', 'groups:history']) {
    assert.ok(listed(scope), scope);
  }
  for (const event of ['app_mention', 'message.channels', 'message.groups']) assert.ok(listed(event), event);
  assert.equal(manifest.match(/\/slack\/events/g)?.length, 3, 'commands, events and interactivity share /slack/events');
  assert.match(manifest, /interactivity:\s*\n\s*is_enabled: true/);
});
