import { z } from 'zod';
import type { OutputSchema } from './chat-model.ts';

/** One sentence the model wrote and the claim ids it rests on: the unit verification checks. */
export interface Statement {
  text: string;
  claims: string[];
}

const StatementSchema = z.object({ text: z.string(), claims: z.array(z.string()) });

export const BriefingReplySchema = z.object({
  topics: z.array(z.object({ id: z.string(), points: z.array(StatementSchema) })),
});
export type BriefingReply = z.infer<typeof BriefingReplySchema>;

export const AnswerReplySchema = z.object({ supported: z.boolean(), sentences: z.array(StatementSchema) });
export type AnswerReply = z.infer<typeof AnswerReplySchema>;

// Strict structured outputs: every object closed and every property required. The enums keep a
// conforming server from inventing ids; verification still checks them, since not every server does.
function statementSchema(claimRefs: string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['text', 'claims'],
    properties: {
      text: { type: 'string' },
      claims: { type: 'array', items: { type: 'string', enum: claimRefs } },
    },
  };
}

export function briefingOutputSchema(topicIds: string[], claimRefs: string[]): OutputSchema {
  return {
    name: 'briefing',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['topics'],
      properties: {
        topics: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'points'],
            properties: {
              id: { type: 'string', enum: topicIds },
              points: { type: 'array', items: statementSchema(claimRefs) },
            },
          },
        },
      },
    },
  };
}

export function answerOutputSchema(claimRefs: string[]): OutputSchema {
  return {
    name: 'answer',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['supported', 'sentences'],
      properties: {
        supported: { type: 'boolean' },
        sentences: { type: 'array', items: statementSchema(claimRefs) },
      },
    },
  };
}
