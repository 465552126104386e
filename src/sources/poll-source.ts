import type { Logger } from 'pino';
import type { ArticleRepository } from '../core/ports/article-repository.ts';
import type { SourceProblem, SourceRepository, SourceState } from '../core/ports/source-repository.ts';
import { type Collected, collect, type Fetcher } from './collect.ts';
import { isSourceReadError } from './errors.ts';
import { checkArticles } from '../ingest/article-check.ts';

export interface PollDeps {
  sources: SourceRepository;
  articles: ArticleRepository;
  fetcher: Fetcher;
  maxItemsPerPoll: number;
  logger: Pick<Logger, 'info' | 'warn'>;
  now: () => Date;
}

export type PollOutcome =
  | { status: 'gone' }
  | { status: 'failed'; error: SourceProblem }
  | { status: 'ok' | 'not-modified'; added: number; filtered: number; problems: number; pending: number };

/** Item problems kept on the source for `source list` (all of them are logged). */
const PROBLEMS_KEPT = 5;

/**
 * One poll of one source: conditional GET, new items fetched and extracted, articles added to
 * the story (stored once per content), state saved. A source that cannot be read is recorded as
 * failing with its reason and logged — it is not an error of the job, so other sources and later
 * polls go on. Only store failures (Redis) are thrown.
 */
export async function pollSource(id: string, deps: PollDeps): Promise<PollOutcome> {
  const record = await deps.sources.get(id);
  if (!record) return { status: 'gone' };
  const { source, state } = record;
  const at = deps.now();
  const log = { sourceId: id, storyId: source.storyId, url: source.url };
  // Items left over from the last poll would be hidden behind a 304: ask unconditionally then.
  const conditional = !state.pendingItems;
  let collected: Collected;
  try {
    collected = await collect(source.url, {
      fetcher: deps.fetcher,
      keywords: source.keywords,
      ...(conditional && state.etag ? { etag: state.etag } : {}),
      ...(conditional && state.lastModified ? { lastModified: state.lastModified } : {}),
      seen: (urls) => deps.sources.seen(id, urls),
      maxItems: deps.maxItemsPerPoll,
    });
  } catch (error) {
    if (!isSourceReadError(error)) throw error;
    const problem: SourceProblem = { url: source.url, code: error.code, reason: error.message };
    const failures = state.consecutiveFailures + 1;
    await deps.sources.saveState(id, { ...state, status: 'failing', lastPolledAt: at.toISOString(), lastError: { ...problem, at: at.toISOString() }, consecutiveFailures: failures });
    deps.logger.warn({ ...log, code: error.code, reason: error.message, consecutiveFailures: failures }, 'source poll failed: %s', error.message);
    return { status: 'failed', error: problem };
  }

  // The same check every producer's articles pass (ingest jobs, files): refusals are item problems.
  const checked = checkArticles(collected.articles);
  for (const refused of checked.refused) {
    const url = collected.articles[refused.index]?.url ?? refused.source ?? source.url;
    collected.problems.push({ url, code: 'refused', reason: refused.reason });
    if (!collected.settled.includes(url)) collected.settled.push(url);
  }
  const added = checked.articles.length > 0 ? await deps.articles.add(source.storyId, checked.articles) : undefined;
  await deps.sources.markSeen(id, collected.settled, at);
  for (const problem of collected.problems) {
    deps.logger.warn({ ...log, item: problem.url, code: problem.code, reason: problem.reason }, 'feed item skipped: %s', problem.reason);
  }
  const transient = collected.problems.filter((p) => !collected.settled.includes(p.url)).length;
  const next: SourceState = {
    status: 'ok',
    consecutiveFailures: 0,
    articlesAdded: state.articlesAdded + (added?.addedToStory ?? 0),
    lastPolledAt: at.toISOString(),
    lastSuccessAt: at.toISOString(),
    ...validators(collected, state),
    ...((collected.kind ?? state.kind) ? { kind: collected.kind ?? state.kind } : {}),
    lastProblems: collected.status === 'not-modified' ? state.lastProblems : collected.problems.slice(0, PROBLEMS_KEPT),
    pendingItems: collected.deferred + transient,
  };
  await deps.sources.saveState(id, next);
  const outcome = {
    status: collected.status,
    added: added?.addedToStory ?? 0,
    filtered: collected.filtered,
    problems: collected.problems.length,
    pending: next.pendingItems ?? 0,
  };
  deps.logger.info({ ...log, ...outcome, kind: next.kind, notes: collected.notes }, 'source polled');
  return outcome;
}

/** A 304 keeps the validators it was asked with unless it sends new ones; a 200 replaces them. */
function validators(collected: Collected, state: SourceState): Pick<SourceState, 'etag' | 'lastModified'> {
  const keep = collected.status === 'not-modified';
  const etag = collected.etag ?? (keep ? state.etag : undefined);
  const lastModified = collected.lastModified ?? (keep ? state.lastModified : undefined);
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
