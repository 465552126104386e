import { type Command, InvalidArgumentError, Option } from 'commander';
import { analyse } from '../../core/engine.ts';
import { englishWords } from '../../lexicon/english-words.ts';
import { loadArticleSet } from '../article-set.ts';
import type { Output } from '../command.ts';
import { UserError } from '../errors.ts';
import { openStoryStore } from '../story-store.ts';
import { loadTopics } from '../topics-file.ts';

export interface SetOptions {
  articles?: string;
  topics?: string;
  story?: string;
  title?: string;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export const formatOption = () => new Option('--format <format>', 'output format').choices(['md', 'json']).default('md');

export function withSetOptions(cmd: Command): Command {
  return cmd
    .option('--articles <path>', 'directory or file of articles (default: the bundled demo set)')
    .option('--topics <file>', 'topics JSON file (default: trade, defence, China)')
    .option('--story <id>', 'a story in the Redis store (REDIS_URL): its articles, topics and title; with --articles, the id to give the set (default: the directory name)')
    .option('--title <text>', 'display title of the story (default: from the articles’ headlines)');
}

/**
 * Reads the article set and topics named by the options and analyses them: files (`--articles`,
 * default the bundled set), or a stored story (`--story` alone) with its own topics and title.
 */
export async function analyseSet(options: SetOptions, out: Output) {
  const set = options.story && !options.articles ? await storedStory(options.story) : { ...(await loadArticleSet(options.articles, out.stderr)), title: undefined, topics: undefined };
  const topics = options.topics ? await loadTopics(options.topics) : (set.topics ?? (await loadTopics()));
  const engineOptions = { story: options.story ?? set.story, topics, dictionary: englishWords() };
  return { analysis: analyse(set.articles, engineOptions), engineOptions, topics, ...(set.title ? { title: set.title } : {}) };
}

/** A story's articles, topics and title from the Redis store. */
async function storedStory(storyId: string) {
  const store = await openStoryStore();
  try {
    const snapshot = await store.stores.articles.snapshot(storyId);
    const record = await store.stores.stories.get(storyId);
    if (!snapshot) {
      throw new UserError(
        record ? `the story "${storyId}" has no articles yet (add some with \`summit ingest <path|url> --story ${storyId}\`)` : `unknown story "${storyId}"; \`summit story list\` lists them`,
        'cli:story',
      );
    }
    return { story: storyId, articles: snapshot.articles, topics: await store.directory.topicsOf(storyId), title: record?.title };
  } finally {
    await store.close();
  }
}
