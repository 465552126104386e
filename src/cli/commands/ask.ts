import type { EngineChoice } from '../../config/llm.ts';
import { answerToMarkdown } from '../../render/markdown.ts';
import type { CliCommand } from '../command.ts';
import { analyseSet, formatOption, type SetOptions, withSetOptions } from './article-set-options.ts';
import { engineOption, printNotes, writerFor } from './engine-option.ts';

export const askCommand: CliCommand = {
  register(program, out) {
    withSetOptions(program.command('ask'))
      .description('answer a question from the articles only, with citations')
      .argument('<question>', 'the question')
      .addOption(formatOption())
      .addOption(engineOption())
      .action(async (question: string, opts: SetOptions & { format: string; engine?: EngineChoice }) => {
        const writer = await writerFor(opts.engine, out);
        const { analysis } = await analyseSet(opts, out);
        const answer = await writer.answer({ analysis, question });
        printNotes(answer.notes, out);
        if (opts.format === 'json') out.stdout(`${JSON.stringify(answer, null, 2)}\n`);
        else out.stdout(answerToMarkdown(answer, new Map(analysis.articles.map((a) => [a.id, a.title ?? a.source]))));
      });
  },
};
