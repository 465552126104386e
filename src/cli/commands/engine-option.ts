import { Option } from 'commander';
import { ENGINE_CHOICES, type EngineChoice, type LlmConfig, loadLlmConfig } from '../../config/llm.ts';
import { ConfigError } from '../../config/parse-env.ts';
import { englishWords } from '../../lexicon/english-words.ts';
import { createWriter } from '../../llm/create-writer.ts';
import type { LlmMetrics } from '../../llm/metrics.ts';
import { PromptFileError } from '../../llm/prompt-file-error.ts';
import type { Writer } from '../../llm/writer.ts';
import type { Output } from '../command.ts';
import { UserError } from '../errors.ts';

/** No default here, so SUMMIT_ENGINE applies when the flag is absent. */
export const engineOption = () =>
  new Option('--engine <engine>', 'who writes: offline, llm, or auto = llm when OPENAI_API_KEY is set').choices(
    ENGINE_CHOICES,
  );

/**
 * The writer for `brief`/`ask`, from the flag and the environment. Model trouble never fails the
 * command (the offline engine takes over with a note); it is reported on stderr with token usage.
 */
export async function writerFor(choice: EngineChoice | undefined, out: Output): Promise<Writer> {
  let config: LlmConfig;
  try {
    config = loadLlmConfig(process.env, choice);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, 'cli:config');
    throw error;
  }
  try {
    return await createWriter(config, { dictionary: englishWords(), metrics: stderrMetrics(out) });
  } catch (error) {
    if (error instanceof PromptFileError) throw new UserError(error.message, 'cli:prompts');
    throw error;
  }
}

/** Usage per call and the reason for any fallback; the reader's note is printed by the command. */
function stderrMetrics(out: Output): LlmMetrics {
  return {
    call: (e) => {
      const tokens = `${e.usage.promptTokens} prompt + ${e.usage.completionTokens} completion tokens`;
      const seconds = (e.durationMs / 1000).toFixed(1);
      out.stderr(`summit: llm: ${e.purpose} call to ${e.model}: ${e.outcome}, ${tokens}, ${seconds} s\n`);
    },
    fallback: (e) => out.stderr(`summit: llm: ${e.kind} fell back to the offline engine (${e.code}: ${e.detail})\n`),
  };
}

/** Notes (such as a fallback to the offline engine) go to stderr too, so Markdown readers see them. */
export function printNotes(notes: string[] | undefined, out: Output): void {
  for (const note of notes ?? []) out.stderr(`summit: note: ${note}\n`);
}
