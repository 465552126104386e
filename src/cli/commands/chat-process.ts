import type { Command } from 'commander';
import type { SummitService } from '../../app/summit-service.ts';
import type { Output } from '../command.ts';
import { fetchConfigFromEnv } from './queue-config.ts';

/** `summit slack` / `summit discord`: run against Redis, or in-process with `--local`. */
export interface ChatRunOptions {
  local?: boolean;
  articles?: string;
  topics?: string;
}

export function withLocalOptions(cmd: Command): Command {
  return cmd
    .option('--local', 'no Redis: an in-process service over --articles (subscriptions stay in memory; no digests are posted)')
    .option('--articles <path>', 'with --local: directory or file of articles (default: the bundled demo set)')
    .option('--topics <file>', 'with --local: topics JSON file (default: TOPICS_FILE or trade, defence, China)');
}

export const LOCAL_WARNING =
  'in-process service (--local): subscriptions are kept in memory and no digests are posted; run `summit worker` with Redis for digests';

/** The in-process service over `--articles` and `--topics` (`source add` reads a feed or page once; no worker polls it later). */
export async function localService(opts: ChatRunOptions, out: Output, topicsFile: string | undefined): Promise<SummitService> {
  const { loadArticleSet } = await import('../article-set.ts');
  const { loadTopics } = await import('../topics-file.ts');
  const { englishWords } = await import('../../lexicon/english-words.ts');
  const { LocalSummitService } = await import('../../app/local-service.ts');
  const { createFetcher } = await import('../../ingest/fetch/create-fetcher.ts');
  const set = await loadArticleSet(opts.articles, out.stderr);
  const topics = await loadTopics(opts.topics ?? topicsFile);
  const fetcher = createFetcher(fetchConfigFromEnv());
  return new LocalSummitService([{ id: set.story, articles: set.articles }], { topics, dictionary: englishWords() }, { fetcher });
}
