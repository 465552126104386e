import { type Command, InvalidArgumentError, Option } from 'commander';
import { analyse } from '../../core/engine.ts';
import { englishWords } from '../../lexicon/english-words.ts';
import { loadArticleSet } from '../article-set.ts';
import type { Output } from '../command.ts';
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
    .option('--story <id>', 'story id (default: the directory name)')
    .option('--title <text>', 'display title of the story (default: from the articles’ headlines)');
}

/** Reads the article set and topics named by the options and analyses them. */
export async function analyseSet(options: SetOptions, out: Output) {
  const set = await loadArticleSet(options.articles, out.stderr);
  const topics = await loadTopics(options.topics);
  const engineOptions = { story: options.story ?? set.story, topics, dictionary: englishWords() };
  return { analysis: analyse(set.articles, engineOptions), engineOptions, topics };
}
