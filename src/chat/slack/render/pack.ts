import { type Block, blockTextLength, context, LIMITS, type SlackMessage } from './blocks.ts';

/** A rendered briefing/digest before it is fitted into Slack messages. */
export interface MessageParts {
  /** Notification text for the first message. */
  text: string;
  /** Always at the top of the first message (header, counts). */
  head: Block[];
  /** Content, in reading order; may be cut between any two blocks. */
  body: Block[];
  /** Always at the bottom of the first message (context line, buttons). */
  tail: Block[];
}

const size = (blocks: Block[]) => blocks.reduce((n, b) => n + blockTextLength(b), 0);

function fits(used: Block[], next: Block, reserve: { blocks: number; chars: number }): boolean {
  return (
    used.length + 1 + reserve.blocks <= LIMITS.blocksPerMessage &&
    size(used) + blockTextLength(next) + reserve.chars <= LIMITS.messageText
  );
}

/**
 * Splits content over as many messages as needed, each within Block Kit's limits: the first
 * message carries head, the first part of the body and the tail (so its buttons stay on the
 * message that opens the thread); later messages carry the rest, marked as continuations.
 */
export function splitMessages(parts: MessageParts): SlackMessage[] {
  const first: Block[] = [...parts.head];
  const tailReserve = { blocks: parts.tail.length, chars: size(parts.tail) };
  let i = 0;
  while (i < parts.body.length && fits(first, parts.body[i] as Block, tailReserve)) first.push(parts.body[i++] as Block);
  const messages: SlackMessage[] = [{ text: parts.text, blocks: [...first, ...parts.tail] }];
  const marker = { blocks: 1, chars: 40 };
  while (i < parts.body.length) {
    const blocks: Block[] = [];
    while (i < parts.body.length && (blocks.length === 0 || fits(blocks, parts.body[i] as Block, marker))) {
      blocks.push(parts.body[i++] as Block);
    }
    messages.push({ text: `${parts.text} (continued)`, blocks });
  }
  const total = messages.length;
  if (total > 1) {
    messages.forEach((m, n) => {
      if (n > 0) m.blocks.push(context(`Continued, part ${n + 1} of ${total}`));
    });
  }
  return messages;
}

/**
 * Fits content into one message (for in-place updates, which cannot add messages): body blocks
 * are kept while they fit and the rest is replaced by `note(omittedBlocks)` — never rejected.
 */
export function shortenToOne(parts: MessageParts, note: (omitted: number) => Block): SlackMessage {
  const sample = note(parts.body.length);
  const reserve = { blocks: parts.tail.length + 1, chars: size(parts.tail) + blockTextLength(sample) };
  const blocks: Block[] = [...parts.head];
  let i = 0;
  while (i < parts.body.length && fits(blocks, parts.body[i] as Block, reserve)) blocks.push(parts.body[i++] as Block);
  if (i < parts.body.length) blocks.push(note(parts.body.length - i));
  return { text: parts.text, blocks: [...blocks, ...parts.tail] };
}
