/**
 * Block Kit validation as Slack applies it to chat.postMessage / chat.update / response_url:
 * the limits summit must respect, answered with Slack's error strings.
 */
export const BLOCK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Slack truncates/refuses very long block messages; the documented guidance is ~12,000 characters. */
  totalText: 12_000,
  /** The top-level `text` field. */
  messageText: 40_000,
} as const;

type Json = Record<string, unknown>;

export type BlockCheck = { ok: true; textLength: number } | { ok: false; error: string; problems: string[] };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function textObject(value: unknown, where: string, max: number, problems: string[], plainOnly = false): number {
  if (!isObject(value) || typeof value.text !== 'string') {
    problems.push(`${where}: must be a text object`);
    return 0;
  }
  if (value.type !== 'plain_text' && (plainOnly || value.type !== 'mrkdwn')) {
    problems.push(`${where}: type must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
  }
  if (value.text.length === 0) problems.push(`${where}: must be at least 1 character`);
  if (value.text.length > max) problems.push(`${where}: must be less than ${max + 1} characters`);
  return value.text.length;
}

function checkBlock(block: unknown, i: number, problems: string[], blockIds: Set<string>): number {
  const where = `[${i}]`;
  if (!isObject(block) || typeof block.type !== 'string') {
    problems.push(`${where}: a block needs a type`);
    return 0;
  }
  if (typeof block.block_id === 'string') {
    if (blockIds.has(block.block_id)) problems.push(`${where}.block_id: duplicate ${block.block_id}`);
    blockIds.add(block.block_id);
  }
  switch (block.type) {
    case 'header':
      return textObject(block.text, `${where}.text`, BLOCK_LIMITS.headerText, problems, true);
    case 'section': {
      let n = 0;
      if (block.text === undefined && block.fields === undefined) problems.push(`${where}: needs text or fields`);
      if (block.text !== undefined) n += textObject(block.text, `${where}.text`, BLOCK_LIMITS.sectionText, problems);
      if (block.fields !== undefined) {
        const fields = Array.isArray(block.fields) ? block.fields : [];
        if (fields.length > BLOCK_LIMITS.sectionFields) problems.push(`${where}.fields: at most ${BLOCK_LIMITS.sectionFields}`);
        fields.forEach((f, j) => (n += textObject(f, `${where}.fields[${j}]`, BLOCK_LIMITS.fieldText, problems)));
      }
      return n;
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > BLOCK_LIMITS.contextElements)
        problems.push(`${where}.elements: 1 to ${BLOCK_LIMITS.contextElements} elements`);
      return elements.reduce<number>((n, e, j) => n + textObject(e, `${where}.elements[${j}]`, BLOCK_LIMITS.sectionText, problems), 0);
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > BLOCK_LIMITS.actionsElements)
        problems.push(`${where}.elements: 1 to ${BLOCK_LIMITS.actionsElements} elements`);
      const actionIds = new Set<string>();
      return elements.reduce<number>((n, e, j) => {
        const at = `${where}.elements[${j}]`;
        if (!isObject(e) || e.type !== 'button') {
          problems.push(`${at}: only buttons are expected from summit`);
          return n;
        }
        if (typeof e.action_id === 'string') {
          if (e.action_id.length > BLOCK_LIMITS.actionId) problems.push(`${at}.action_id: too long`);
          if (actionIds.has(e.action_id)) problems.push(`${at}.action_id: duplicate ${e.action_id}`);
          actionIds.add(e.action_id);
        }
        if (typeof e.value === 'string' && e.value.length > BLOCK_LIMITS.buttonValue) problems.push(`${at}.value: too long`);
        return n + textObject(e.text, `${at}.text`, BLOCK_LIMITS.buttonText, problems, true);
      }, 0);
    }
    case 'divider':
      return 0;
    default:
      problems.push(`${where}: unsupported block type ${block.type}`);
      return 0;
  }
}

/** Checks `blocks` (already parsed from JSON) the way Slack does; errors are Slack's own strings. */
export function checkBlocks(blocks: unknown): BlockCheck {
  if (!Array.isArray(blocks)) return { ok: false, error: 'invalid_blocks_format', problems: ['blocks must be an array'] };
  const problems: string[] = [];
  if (blocks.length > BLOCK_LIMITS.blocks) problems.push(`no more than ${BLOCK_LIMITS.blocks} items allowed`);
  const blockIds = new Set<string>();
  const textLength = blocks.reduce<number>((n, b, i) => n + checkBlock(b, i, problems, blockIds), 0);
  if (problems.length > 0) return { ok: false, error: 'invalid_blocks', problems };
  if (textLength > BLOCK_LIMITS.totalText) return { ok: false, error: 'msg_blocks_too_long', problems: [`${textLength} characters`] };
  return { ok: true, textLength };
}
