/** What `/summit <text>` asks for. Parsing is pure; the handlers validate against the service. */
export type SummitCommand =
  | { kind: 'brief'; topic?: string }
  | { kind: 'ask'; question: string }
  | { kind: 'sources' }
  | { kind: 'subscribe'; args: string[] }
  | { kind: 'unsubscribe' }
  | { kind: 'source'; action?: string; args: string }
  | { kind: 'help'; unknown?: string };

export function parseSummitCommand(text: string): SummitCommand {
  const trimmed = text.trim();
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const remainder = trimmed.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case 'brief':
      return remainder ? { kind: 'brief', topic: remainder } : { kind: 'brief' };
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
    case '':
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help', unknown: word };
  }
}
