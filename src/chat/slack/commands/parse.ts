/** What `/summit <text>` asks for. Parsing is pure; the handlers validate against the service. */
export type SummitCommand =
  | { kind: 'brief'; topic?: string; story?: string }
  | { kind: 'ask'; question: string }
  | { kind: 'sources' }
  | { kind: 'subscribe'; args: string[] }
  | { kind: 'unsubscribe' }
  | { kind: 'source'; action?: string; args: string }
  | { kind: 'stories' }
  | { kind: 'story'; action?: string; args: string }
  | { kind: 'follow'; story: string }
  | { kind: 'topics'; list: string }
  | { kind: 'help'; unknown?: string };

export function parseSummitCommand(text: string): SummitCommand {
  const trimmed = text.trim();
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const remainder = trimmed.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case 'brief':
      return parseBrief(remainder);
    case 'ask':
      return remainder ? { kind: 'ask', question: remainder } : { kind: 'help', unknown: 'ask' };
    case 'sources':
      return { kind: 'sources' };
    case 'subscribe':
      return { kind: 'subscribe', args: rest.flatMap((a) => a.split(',')).filter((a) => a.length > 0) };
    case 'unsubscribe':
      return { kind: 'unsubscribe' };
    case 'source': {
      const action = rest[0]?.toLowerCase();
      return action ? { kind: 'source', action, args: remainder.slice((rest[0] as string).length).trim() } : { kind: 'source', args: '' };
    }
    case 'stories':
      return { kind: 'stories' };
    case 'story': {
      const action = rest[0]?.toLowerCase();
      return action ? { kind: 'story', action, args: remainder.slice((rest[0] as string).length).trim() } : { kind: 'story', args: '' };
    }
    case 'follow':
      return remainder ? { kind: 'follow', story: remainder } : { kind: 'help', unknown: 'follow' };
    case 'topics':
      return { kind: 'topics', list: remainder };
    case '':
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help', unknown: word };
  }
}

/** `brief [story:<story>] [topic]`: `story:` briefs another of the workspace's stories once. */
function parseBrief(remainder: string): SummitCommand {
  const match = /(?:^|\s)story:(\S+)/i.exec(remainder);
  const topic = (match ? remainder.replace(match[0], ' ') : remainder).trim();
  return { kind: 'brief', ...(topic ? { topic } : {}), ...(match?.[1] ? { story: match[1] } : {}) };
}
