/**
 * `npm run bench:tokens`: prompt tokens of a briefing through the LLM path (the engine's claims,
 * condensed) against a naive prompt holding the five raw seed articles with the same
 * instructions. Counted with js-tiktoken (o200k_base, the GPT-4o family's encoding). Target ≤ 40%.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import { BUNDLED_SET } from '../src/cli/article-set.ts';
import { loadTopics } from '../src/cli/topics-file.ts';
import { analyse } from '../src/core/engine.ts';
import { readArticles } from '../src/ingest/read-articles.ts';
import { englishWords } from '../src/lexicon/english-words.ts';
import type { ChatMessage, ChatModel, ChatRequest } from '../src/llm/chat-model.ts';
import { LlmError } from '../src/llm/llm-error.ts';
import { LlmWriter } from '../src/llm/llm-writer.ts';
import { fillTemplate, loadPromptSet } from '../src/llm/prompt-loader.ts';
import { dataBlock, quoted } from '../src/llm/render-prompts.ts';
import { markdownTable } from './table.ts';

export const TOKEN_TARGET = 0.4;

/** Chat formatting adds a few tokens per message (role, separators) and to prime the reply. */
function countTokens(encoder: Tiktoken, messages: ChatMessage[]): number {
  return messages.reduce((n, m) => n + 4 + encoder.encode(m.content).length, 3);
}

/** A model that only records what the writer would send. */
function recordingModel(sent: ChatRequest[]): ChatModel {
  return {
    name: 'openai:bench',
    complete: async (request) => {
      sent.push(request);
      throw new LlmError('llm:connection', 'bench: no model is called');
    },
  };
}

export async function tokenComparison(): Promise<{ table: string; ratio: number }> {
  const encoder = new Tiktoken(o200kBase);
  const prompts = await loadPromptSet();
  const { articles } = await readArticles(BUNDLED_SET);
  const topics = await loadTopics();
  const options = { story: 'summit-2025', topics, dictionary: englishWords() };
  const analysis = analyse(articles, options);

  const sent: ChatRequest[] = [];
  const writer = new LlmWriter({ model: recordingModel(sent), prompts, dictionary: englishWords() });
  await writer.brief({ analysis, options });
  await writer.answer({ analysis, question: 'What will Japan buy from the United States?' });
  const briefing = sent.find((r) => r.purpose === 'briefing');
  const answer = sent.find((r) => r.purpose === 'answer');
  if (!briefing || !answer) throw new Error('the LLM path sent no briefing or answer request');

  const naive: ChatMessage[] = [
    { role: 'system', content: prompts.templates.system },
    {
      role: 'user',
      content: fillTemplate(prompts.templates.briefing, {
        story: quoted(options.story),
        points_per_topic: '6',
        words_per_point: '40',
        data: dataBlock({
          topics: topics.map((t) => ({ id: t.id, label: t.label, about: t.description })),
          articles: articles.map((a, i) => ({ n: i + 1, title: a.title ?? '', text: a.text })),
        }),
      }),
    },
  ];
  const llm = countTokens(encoder, briefing.messages);
  const raw = countTokens(encoder, naive);
  const answerTokens = countTokens(encoder, answer.messages);
  const ratio = llm / raw;
  const share = (n: number) => `${((n / raw) * 100).toFixed(1)}%`;
  const rows = [
    ['briefing via LLM path (engine claims)', String(llm), share(llm)],
    [`naive: same instructions + ${articles.length} raw articles`, String(raw), share(raw)],
    ['answer via LLM path (retrieved claims)', String(answerTokens), share(answerTokens)],
  ];
  const table = markdownTable(['prompt (seed set, o200k_base)', 'tokens', 'of naive'], rows, [false, true, true]);
  const verdict = `target: briefing ≤ ${TOKEN_TARGET * 100}% of naive — ${ratio <= TOKEN_TARGET ? 'PASS' : 'FAIL'}`;
  return { table: `${table}\n\n${verdict}`, ratio };
}

if (import.meta.main) {
  const { table, ratio } = await tokenComparison();
  console.log('## Prompt tokens: LLM path vs naive prompt (data/summit-2025)\n');
  console.log(table);
  process.exitCode = ratio <= TOKEN_TARGET ? 0 : 1;
}
