import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { DiscordAPIError } from 'discord.js';
import { createLogger } from '../../src/ops/logger.ts';

const secrets = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.discord-bot-token-value',
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-slackbottoken',
  SLACK_APP_TOKEN: 'xapp-1-A111-2222-slackapptoken',
  SLACK_SIGNING_SECRET: 'signing-secret-8f3e2a',
  OPENAI_API_KEY: 'sk-test-openai-key-0123456789',
  ADMIN_TOKEN: 'admin-token-4c1d9e',
  WEB_ACCESS_TOKEN: 'web-access-token-77aa1b',
};
const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmludGVyYWN0aW9uLXRva2Vu';
const responseUrl = 'https://hooks.slack.com/commands/T0001/123456/slackresponsepath';

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines };
}

test('no token, key or secret reaches a log line, whatever carries it', () => {
  const saved = { ...process.env };
  Object.assign(process.env, secrets);
  try {
    const { stream, lines } = capture();
    const logger = createLogger('info', 'test', stream);
    // The error discord.js raises when an interaction's follow-up fails: URL with the token, whole body.
    const url = `https://discord.com/api/v10/webhooks/123456789012345678/${interactionToken}/messages/@original`;
    const failure = new DiscordAPIError({ code: 10015, message: 'Unknown Webhook' }, 10015, 404, 'PATCH', url, {
      body: { content: `private question text`, token: interactionToken },
    });
    logger.error({ err: failure, interactionId: '1' }, 'interaction failed');
    logger.warn({ responseUrl, headers: { authorization: `Bearer ${secrets.SLACK_BOT_TOKEN}` } }, 'slack reply failed');
    logger.error({ err: new Error(`request to https://api.openai.com failed with key ${secrets.OPENAI_API_KEY}`) }, 'llm');
    logger.info(`admin ${secrets.ADMIN_TOKEN} web ${secrets.WEB_ACCESS_TOKEN} signing ${secrets.SLACK_SIGNING_SECRET}`);
    logger.info(`gateway Bot ${secrets.DISCORD_TOKEN} app ${secrets.SLACK_APP_TOKEN}`);
    const log = lines.join('');
    assert.equal(lines.length, 5, log);
    for (const [name, value] of Object.entries({ ...secrets, interactionToken, responseUrl, body: 'private question text' })) {
      assert.ok(!log.includes(value), `${name} leaked: ${log}`);
    }
    assert.match(log, /Unknown Webhook/, 'the error itself is still logged');
    assert.match(log, /webhooks\/123456789012345678\/\[redacted\]/, 'the route stays readable');
  } finally {
    process.env = saved;
  }
});
