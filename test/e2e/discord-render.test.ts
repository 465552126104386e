/**
 * Discord rendering as pure functions: making article text inert, cutting text, links, and
 * packing embeds under Discord's limits (the e2e tests check the same on the wire).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSubscriptionInput, parseTimeOfDay, parseTimeZone } from '../../src/chat/discord/commands/subscription-input.ts';
import { absoluteUrl, maskedLink } from '../../src/chat/discord/render/links.ts';
import { embedChars, packEmbeds } from '../../src/chat/discord/render/pack.ts';
import { inertText, truncate } from '../../src/chat/discord/render/text.ts';
import { linksIn, wouldPing } from '../peers/discord/wire.ts';

test('article text cannot ping, format, or forge links once made inert', () => {
  const hostile =
    '@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678> <#123456789012345678> </summit brief:1> ' +
    '[the official report](https://evil.example/phish) <https://evil.example/x|label> https://evil.example/bare **bold** ||spoiler|| `code` ~~gone~~ __u__';
  const inert = inertText(hostile);
  assert.equal(wouldPing(inert, undefined, false), false, 'not even with Discord’s default allowed_mentions');
  assert.deepEqual(linksIn(inert), [], 'no masked or bare link survives');
  assert.doesNotMatch(inert, /(?<!\\)\*\*|(?<!\\)\|\||(?<!\\)`|(?<!\\)~~|(?<!\\)__/);
  assert.equal(inert.replace(/\u200b/g, '').replace(/\\(.)/g, '$1'), hostile, 'readers still see the same characters');
  assert.equal(inertText('# Heading\nline two'), '\\# Heading line two');
  assert.equal(inertText('- not a list'), '\\- not a list');
  assert.equal(inertText('1. not a list either'), '1\\. not a list either');
});

test('truncate never exceeds the limit, splits a surrogate pair or leaves a dangling escape', () => {
  assert.equal(truncate('short', 10), 'short');
  assert.equal(truncate('abcdefghij', 5), 'abcd…');
  assert.equal(truncate('abc\\*def', 5), 'abc…');
  assert.equal(truncate('ab😀cd', 4), 'ab…');
  for (let max = 1; max < 20; max++) assert.ok(truncate(inertText('**@everyone** 😀😀 [x](y) '.repeat(3)), max).length <= max);
});

test('links: only http(s); relative ones only with a base; masked links cannot be cut short', () => {
  assert.equal(absoluteUrl('/articles/a1#s3', 'https://summit.example'), 'https://summit.example/articles/a1#s3');
  assert.equal(absoluteUrl('/articles/a1#s3'), undefined);
  assert.equal(absoluteUrl('javascript:alert(1)'), undefined);
  assert.equal(absoluteUrl('https://news.example/a b'), 'https://news.example/a%20b');
  const link = maskedLink('1', 'https://en.wikipedia.org/wiki/Summit_(meeting)');
  assert.equal(link, '[1](https://en.wikipedia.org/wiki/Summit_%28meeting%29)');
  assert.deepEqual(linksIn(link), [{ url: 'https://en.wikipedia.org/wiki/Summit_%28meeting%29', label: '1' }]);
});

test('packEmbeds keeps every message within 10 embeds and 6,000 characters and notes what it left out', () => {
  const line = `• ${'x'.repeat(300)}`;
  const embeds = Array.from({ length: 30 }, (_, i) => ({ title: `Topic ${i}`, description: Array(20).fill(line).join('\n') }));
  const messages = packEmbeds(embeds, { maxMessages: 3, footer: { text: 'engine', timestamp: '2026-01-01T00:00:00Z' }, fullUrl: 'https://summit.example/briefings/b1' });
  assert.equal(messages.length, 3);
  for (const message of messages) {
    assert.ok(message.length <= 10);
    assert.ok(message.reduce((n, e) => n + embedChars(e), 0) <= 6000);
    for (const e of message) assert.ok((e.description ?? '').length <= 4096);
    assert.deepEqual(message.at(-1)?.footer, { text: 'engine' });
  }
  assert.match(String(messages[2]?.at(-1)?.description), /^Shortened to fit Discord's limits: \d+ more sections in the \[full briefing\]/);
  assert.ok(messages.flat().some((e) => e.title === 'Topic 0 (continued)'), 'a 6,000-character description continues in a second embed');
});

test('subscription input: 24-hour times, IANA zones (no fixed offsets), known topics', () => {
  assert.deepEqual(parseTimeOfDay('7:05'), { ok: true, value: '07:05' });
  assert.equal(parseTimeOfDay('07:60').ok, false);
  assert.deepEqual(parseTimeZone('america/new_york'), { ok: true, value: 'America/New_York' });
  assert.deepEqual(parseTimeZone('UTC'), { ok: true, value: 'UTC' });
  assert.equal(parseTimeZone('UTC+2').ok, false);
  assert.equal(parseTimeZone('Mars/Olympus_Mons').ok, false);
  const topics = [
    { id: 'trade', label: 'Trade' },
    { id: 'china', label: 'China' },
  ];
  assert.deepEqual(parseSubscriptionInput({ time: '06:00', topics: 'CHINA trade china' }, topics), {
    ok: true,
    value: { time: '06:00', timeZone: 'UTC', topics: ['china', 'trade'] },
  });
});
