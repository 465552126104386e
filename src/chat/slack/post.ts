import type { webApi } from '@slack/bolt';
import { callSlack } from './errors.ts';
import type { SlackMessage } from './render/blocks.ts';

export type WebClient = webApi.WebClient;

/**
 * Options on every message summit posts: no server-side parsing of names or URLs and no
 * previews, so article text is shown exactly as escaped and cannot ping or unfurl.
 */
const SAFE = { parse: 'none', link_names: false, unfurl_links: false, unfurl_media: false } as const;

/** Posts one message; returns its ts. Failures are SlackApiErrors. */
export async function postMessage(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<string> {
  const result = await callSlack('chat.postMessage', () =>
    client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      ...SAFE,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    }),
  );
  if (!result.ts) throw new Error('chat.postMessage returned no ts');
  return result.ts;
}

/**
 * Shows a message to one person only (in the thread when `threadTs` is given): the reason a
 * request of theirs failed, which the channel should not see. Failures are SlackApiErrors.
 */
export async function postEphemeral(
  client: WebClient,
  where: { channel: string; user: string; threadTs?: string },
  message: SlackMessage,
): Promise<void> {
  await callSlack('chat.postEphemeral', () =>
    client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      text: message.text,
      blocks: message.blocks,
      parse: 'none',
      link_names: false,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    }),
  );
}

/**
 * Posts a (possibly split) message: the first part where asked, the continuations in the first
 * part's thread so the channel sees one message. Returns the first part's ts.
 */
export async function postMessages(
  client: WebClient,
  channel: string,
  messages: SlackMessage[],
  threadTs?: string,
): Promise<string> {
  const [first, ...rest] = messages;
  if (!first) throw new Error('nothing to post');
  const ts = await postMessage(client, channel, first, threadTs);
  for (const part of rest) await postMessage(client, channel, part, threadTs ?? ts);
  return ts;
}

/** Replaces a message summit posted earlier (topic buttons). */
export async function updateMessage(client: WebClient, channel: string, ts: string, message: SlackMessage) {
  await callSlack('chat.update', () =>
    client.chat.update({ channel, ts, text: message.text, blocks: message.blocks, parse: 'none', link_names: false }),
  );
}
