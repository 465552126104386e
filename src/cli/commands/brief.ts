import type { EngineChoice } from '../../config/llm.ts';
import { DEFAULT_BUDGET } from '../../core/briefing.ts';
import { briefingToMarkdown } from '../../render/markdown.ts';
import type { CliCommand } from '../command.ts';
import { UserError } from '../errors.ts';
import { analyseSet, formatOption, positiveInt, type SetOptions, withSetOptions } from './article-set-options.ts';
import { engineOption, printNotes, writerFor } from './engine-option.ts';

export const briefCommand: CliCommand = {
  register(program, out) {
    withSetOptions(program.command('brief'))
      .description('print the briefing of an article set')
      .addOption(formatOption())
      .option('--topic <id>', 'only this topic')
      .option('--points <n>', 'points per topic', positiveInt, DEFAULT_BUDGET.pointsPerTopic)
      .addOption(engineOption())
      .action(async (opts: SetOptions & { format: string; topic?: string; points: number; engine?: EngineChoice }) => {
        const writer = await writerFor(opts.engine, out);
        const { analysis, engineOptions, topics, title } = await analyseSet(opts, out);
        if (opts.topic && !topics.some((t) => t.id === opts.topic)) {
          throw new UserError(`unknown topic "${opts.topic}"; topics are: ${topics.map((t) => t.id).join(', ')}`);
        }
        const written = await writer.brief({
          analysis,
          options: {
            ...engineOptions,
            ...(opts.topic ? { topic: opts.topic } : {}),
            budget: { ...DEFAULT_BUDGET, pointsPerTopic: opts.points },
          },
        });
        const chosenTitle = opts.title?.trim() || title;
        const briefing = chosenTitle ? { ...written, title: chosenTitle } : written;
        printNotes(briefing.notes, out);
        out.stdout(opts.format === 'json' ? `${JSON.stringify(briefing, null, 2)}\n` : briefingToMarkdown(briefing));
      });
  },
};
