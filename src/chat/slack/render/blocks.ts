/**
 * The subset of Block Kit summit sends, with builders that apply the per-field limits.
 * The types are structurally compatible with @slack/types' KnownBlock.
 */
import { truncate } from './mrkdwn.ts';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** `verbatim: true` stops Slack from auto-linking bare URLs and parsing plain @mentions in our text. */
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

export interface Button {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
}

export type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id: string; elements: Button[] };

/** A message ready for chat.postMessage / chat.update / response_url: blocks plus notification text. */
export interface SlackMessage {
  /** Shown in notifications and by clients that cannot render blocks; escaped like the blocks. */
  text: string;
  blocks: Block[];
}

/** Slack's documented limits (and the ~12,000-character budget for a whole message). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  messageText: 12_000,
  notificationText: 3000,
} as const;

export const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text, verbatim: true });

export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: false },
});

export const section = (text: string): Block => ({ type: 'section', text: mrkdwn(truncate(text, LIMITS.sectionText)) });

export const context = (...texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(truncate(t, LIMITS.sectionText))),
});

export const divider = (): Block => ({ type: 'divider' });

export function button(actionId: string, label: string, value: string, primary = false): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: false },
    value: value.slice(0, LIMITS.buttonValue),
    ...(primary ? { style: 'primary' as const } : {}),
  };
}

export const actions = (blockId: string, elements: Button[]): Block => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, LIMITS.actionsElements),
});

/** Characters of visible text a block carries (what counts toward the message budget). */
export function blockTextLength(block: Block): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length, 0);
    case 'divider':
      return 0;
  }
}

/**
 * Packs lines into section texts of at most 3,000 characters, breaking between lines; a single
 * line longer than that is cut (lines are built so that the cut falls in escaped prose, not in a link).
 */
export function sectionsFromLines(lines: string[], max: number = LIMITS.sectionText): Block[] {
  const sections: Block[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      sections.push(section(current));
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) sections.push(section(current));
  return sections;
}

/** A short mrkdwn notice (already escaped by the caller) as a message. */
export const notice = (text: string): SlackMessage => ({ text, blocks: [section(text)] });
