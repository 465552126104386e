/**
 * What Slack would do with a message as it arrived on the wire: the text people see, whether it
 * notifies anyone, and which links it renders. Used by the chat-adapter contract and e2e tests.
 *
 * - mrkdwn (and the top-level `text`) is parsed for control sequences: `<!channel>`, `<!here>`,
 *   `<!everyone>`, `<!subteam^…>` and `<@U…>`/`<@W…>` notify; `<url>` / `<url|label>` link.
 * - mrkdwn objects without `verbatim: true` are pre-processed: bare URLs are auto-linked and
 *   plain `@channel`/`@here`/`@everyone` become mentions. The top-level text always auto-links
 *   bare URLs; its plain @mentions are parsed with `link_names` or `parse: full`.
 * - plain_text (headers, button labels) is shown as typed: no mentions, no links.
 * - When blocks are present the top-level text is only the notification, so it can ping but
 *   renders no links.
 */
import type { PostedMessage } from '../../contract/chat-adapter-contract.ts';
import type { PeerMessage } from './state.ts';

interface TextPiece {
  text: string;
  kind: 'mrkdwn' | 'plain';
  /** Bare URLs auto-linked and plain @mentions parsed. */
  preprocessed: boolean;
  plainMentions: boolean;
  rendersLinks: boolean;
}

const PING_SEQUENCE = /<(?:!(?:channel|here|everyone)(?:\|[^>]*)?|@[UW][A-Z0-9]+(?:\|[^>]*)?|!subteam\^[A-Z0-9]+(?:\|[^>]*)?)>/;
const PLAIN_MENTION = /(?:^|[^\w])@(?:channel|here|everyone)\b/;
const LINK_SEQUENCE = /<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>|]+/g;

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function textPieces(message: { text: string; blocks?: unknown[]; params?: Record<string, unknown> }): TextPiece[] {
  const pieces: TextPiece[] = [];
  const hasBlocks = Array.isArray(message.blocks) && message.blocks.length > 0;
  const params = message.params ?? {};
  const linkNames = params.link_names === true || params.link_names === 'true' || params.link_names === '1' || params.parse === 'full';
  if (message.text) {
    pieces.push({ text: message.text, kind: 'mrkdwn', preprocessed: true, plainMentions: linkNames, rendersLinks: !hasBlocks });
  }
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') {
      const mrkdwn = o.type === 'mrkdwn';
      const pre = mrkdwn && o.verbatim !== true;
      pieces.push({ text: o.text, kind: mrkdwn ? 'mrkdwn' : 'plain', preprocessed: pre, plainMentions: pre, rendersLinks: true });
      return;
    }
    if (o.type === 'button' && typeof o.url === 'string') {
      const label = typeof (o.text as { text?: unknown } | undefined)?.text === 'string' ? (o.text as { text: string }).text : '';
      pieces.push({ text: `<${o.url}|${label}>`, kind: 'mrkdwn', preprocessed: false, plainMentions: false, rendersLinks: true });
    }
    for (const value of Object.values(o)) visit(value);
  };
  visit(message.blocks ?? []);
  return pieces;
}

export function wouldPing(message: { text: string; blocks?: unknown[]; params?: Record<string, unknown> }): boolean {
  return textPieces(message).some(
    (p) => p.kind === 'mrkdwn' && (PING_SEQUENCE.test(p.text) || (p.plainMentions && PLAIN_MENTION.test(unescape(p.text)))),
  );
}

export function renderedLinks(message: { text: string; blocks?: unknown[]; params?: Record<string, unknown> }) {
  const links: { url: string; label: string }[] = [];
  for (const p of textPieces(message)) {
    if (p.kind !== 'mrkdwn' || !p.rendersLinks) continue;
    for (const m of p.text.matchAll(LINK_SEQUENCE)) {
      links.push({ url: unescape(m[1] as string), label: unescape(m[2] ?? (m[1] as string)) });
    }
    if (p.preprocessed) {
      // Auto-linking applies to text outside explicit <…> sequences.
      const outside = p.text.replace(/<[^>]*>/g, ' ');
      for (const m of outside.matchAll(BARE_URL)) links.push({ url: unescape(m[0]), label: unescape(m[0]) });
    }
  }
  return links;
}

/** All visible text, flattened in order, as sent on the wire. */
export function visibleText(message: { text: string; blocks?: unknown[]; params?: Record<string, unknown> }): string {
  return textPieces(message)
    .map((p) => p.text)
    .join('\n');
}

export function postedMessage(message: PeerMessage): PostedMessage {
  const threadTs = message.threadTs ?? message.ts;
  return {
    text: visibleText(message),
    threadId: `slack:${message.channel}:${threadTs}`,
    wouldPing: wouldPing(message),
    links: renderedLinks(message),
  };
}
