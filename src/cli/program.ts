import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { answerQuestion } from '../core/answer.ts';
import { analyse, briefingFromAnalysis } from '../core/engine.ts';
import { englishWords } from '../lexicon/english-words.ts';
import { answerToMarkdown, briefingToMarkdown } from '../render/markdown.ts';
import { loadArticleSet } from './article-set.ts';
import { UserError } from './errors.ts';
import { loadTopics } from './topics-file.ts';

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

interface SetOptions {
  articles?: string;
  topics?: string;
  story?: string;
}

async function prepare(options: SetOptions, out: Output) {
  const set = await loadArticleSet(options.articles, out.stderr);
  const topics = await loadTopics(options.topics);
  const engineOptions = { story: options.story ?? set.story, topics, dictionary: englishWords() };
  return { analysis: analyse(set.articles, engineOptions), engineOptions, topics };
}

export async function runCli(argv: string[], out: Output): Promise<number> {
  const program = new Command()
    .name('summit')
    .description('Condense an article set into cited topic briefings.')
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr });

  const format = () => new Option('--format <format>', 'output format').choices(['md', 'json']).default('md');
  const setOptions = (cmd: Command) =>
    cmd
      .option('--articles <path>', 'directory or file of articles (default: the bundled demo set)')
      .option('--topics <file>', 'topics JSON file (default: trade, defence, China)')
      .option('--story <name>', 'story name shown in the briefing');

  setOptions(program.command('brief'))
    .description('print the briefing of an article set')
    .addOption(format())
    .option('--topic <id>', 'only this topic')
    .option('--points <n>', 'points per topic', positiveInt, 6)
    .action(async (opts: SetOptions & { format: string; topic?: string; points: number }) => {
      const { analysis, engineOptions, topics } = await prepare(opts, out);
      if (opts.topic && !topics.some((t) => t.id === opts.topic)) {
        throw new UserError(
          `unknown topic "${opts.topic}"; topics are: ${topics.map((t) => t.id).join(', ')}`,
        );
      }
      const briefing = briefingFromAnalysis(analysis, {
        ...engineOptions,
        ...(opts.topic ? { topic: opts.topic } : {}),
        budget: { pointsPerTopic: opts.points, wordsPerPoint: 40 },
      });
      out.stdout(
        opts.format === 'json' ? `${JSON.stringify(briefing, null, 2)}\n` : briefingToMarkdown(briefing),
      );
    });

  setOptions(program.command('ask'))
    .description('answer a question from the articles only, with citations')
    .argument('<question>', 'the question')
    .addOption(format())
    .action(async (question: string, opts: SetOptions & { format: string }) => {
      const { analysis } = await prepare(opts, out);
      const answer = answerQuestion(analysis, question);
      if (opts.format === 'json') {
        out.stdout(`${JSON.stringify(answer, null, 2)}\n`);
      } else {
        out.stdout(
          answerToMarkdown(answer, new Map(analysis.articles.map((a) => [a.id, a.title ?? a.source]))),
        );
      }
    });

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      out.stderr(`summit: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
