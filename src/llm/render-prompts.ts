import type { ChatMessage } from './chat-model.ts';
import type { AnswerData, BriefingData } from './condense.ts';
import { fillTemplate, type PromptSet } from './prompt-loader.ts';
import type { Rejection } from './verify.ts';

/**
 * Untrusted text as data: JSON, one array element per line, with < and > escaped so nothing
 * inside can close the <<<DATA … DATA>>> fence or look like markup. Strings keep every word.
 */
export function dataBlock(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([key, field]) => {
    if (Array.isArray(field) && field.length > 0) {
      return `${JSON.stringify(key)}:[\n${field.map((item) => JSON.stringify(item)).join(',\n')}]`;
    }
    return `${JSON.stringify(key)}:${JSON.stringify(field)}`;
  });
  return escapeFence(`{${lines.join(',\n')}}`);
}

/** A single untrusted string (a story name, a question) as a quoted JSON string. */
export function quoted(text: string): string {
  return escapeFence(JSON.stringify(text));
}

function escapeFence(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

export function briefingMessages(
  prompts: PromptSet,
  input: { story: string; data: BriefingData; pointsPerTopic: number; wordsPerPoint: number },
): ChatMessage[] {
  return [
    { role: 'system', content: prompts.templates.system },
    {
      role: 'user',
      content: fillTemplate(prompts.templates.briefing, {
        story: quoted(input.story),
        points_per_topic: String(input.pointsPerTopic),
        words_per_point: String(input.wordsPerPoint),
        data: dataBlock({ ...input.data }),
      }),
    },
  ];
}

/** Earlier turns of the thread become the conversation; only the last message carries data. */
export function answerMessages(
  prompts: PromptSet,
  input: { question: string; data: AnswerData; maxSentences: number; history: { question: string; answer: string }[] },
): ChatMessage[] {
  return [
    { role: 'system', content: prompts.templates.system },
    ...input.history.flatMap((turn): ChatMessage[] => [
      { role: 'user', content: turn.question },
      { role: 'assistant', content: turn.answer },
    ]),
    {
      role: 'user',
      content: fillTemplate(prompts.templates.answer, {
        max_sentences: String(input.maxSentences),
        question: quoted(input.question),
        data: dataBlock({ ...input.data }),
      }),
    },
  ];
}

/**
 * The follow-up of a repair round. The previous reply goes back as data, not as an assistant
 * turn: it may echo article text, which must stay inside the fence like all article text.
 */
export function repairMessage(prompts: PromptSet, previousReply: unknown, rejected: Rejection[]): ChatMessage {
  const failures = rejected.map((r) => ({ text: r.text, claims: r.claims, problems: r.problems }));
  return {
    role: 'user',
    content: fillTemplate(prompts.templates.repair, { review: dataBlock({ previous: previousReply, failures }) }),
  };
}
