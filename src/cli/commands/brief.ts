import { briefingFromAnalysis } from '../../core/engine.ts';
import { briefingToMarkdown } from '../../render/markdown.ts';
import type { CliCommand } from '../command.ts';
import { UserError } from '../errors.ts';
import { analyseSet, formatOption, positiveInt, type SetOptions, withSetOptions } from './article-set-options.ts';

export const briefCommand: CliCommand = {
  register(program, out) {
    withSetOptions(program.command('brief'))
      .description('print the briefing of an article set')
      .addOption(formatOption())
      .option('--topic <id>', 'only this topic')
      .option('--points <n>', 'points per topic', positiveInt, 6)
      .action(async (opts: SetOptions & { format: string; topic?: string; points: number }) => {
        const { analysis, engineOptions, topics } = await analyseSet(opts, out);
        if (opts.topic && !topics.some((t) => t.id === opts.topic)) {
          throw new UserError(`unknown topic "${opts.topic}"; topics are: ${topics.map((t) => t.id).join(', ')}`);
        }
        const briefing = briefingFromAnalysis(analysis, {
          ...engineOptions,
          ...(opts.topic ? { topic: opts.topic } : {}),
          budget: { pointsPerTopic: opts.points, wordsPerPoint: 40 },
        });
        out.stdout(opts.format === 'json' ? `${JSON.stringify(briefing, null, 2)}\n` : briefingToMarkdown(briefing));
      });
  },
};
