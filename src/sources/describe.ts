import type { SourceRecord } from '../core/ports/source-repository.ts';

/**
 * A source's state as one plain-text line for people (chat adapters escape it for their
 * platform): what it is, when it was last read, what it brought, and why it fails if it does.
 */
export function sourceStatus(record: SourceRecord, now: Date): string {
  const { state } = record;
  const kind = state.kind === 'feed' ? 'feed' : state.kind === 'html' ? 'page' : undefined;
  const added = `${state.articlesAdded} article${state.articlesAdded === 1 ? '' : 's'} added`;
  switch (state.status) {
    case 'pending':
      return 'waiting for its first poll';
    case 'ok': {
      const parts = [`${kind ?? 'source'} OK`, `read ${ago(state.lastSuccessAt, now)}`, added];
      if (state.lastProblems.length > 0) parts.push(`${state.lastProblems.length} item(s) skipped last time: ${state.lastProblems[0]?.reason}`);
      return parts.join(' · ');
    }
    case 'failing': {
      const times = state.consecutiveFailures > 1 ? ` (${state.consecutiveFailures} polls in a row)` : '';
      const last = state.lastSuccessAt ? `last read ${ago(state.lastSuccessAt, now)}` : 'never read';
      return `failing${times}: ${state.lastError?.reason ?? 'unknown reason'} · ${last} · ${added}`;
    }
  }
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function ago(iso: string | undefined, now: Date): string {
  if (!iso) return 'never';
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
