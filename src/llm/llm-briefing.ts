import { DEFAULT_BUDGET } from '../core/briefing.ts';
import type { WordList } from '../core/clean/headings.ts';
import { type Analysis, briefingFromAnalysis, type EngineOptions } from '../core/engine.ts';
import type { Briefing, TopicBriefing } from '../core/types.ts';
import { toPoint } from './cited-claims.ts';
import { briefingContext, type ClaimCatalog } from './condense.ts';
import { fallbackNote } from './fallback.ts';
import type { LlmDeps } from './llm-deps.ts';
import { LlmError } from './llm-error.ts';
import { briefingOutputSchema, BriefingReplySchema } from './output-schemas.ts';
import { briefingMessages } from './render-prompts.ts';
import { type Checked, completeVerified } from './verified-completion.ts';
import { type Rejection, verifyStatements } from './verify.ts';

/** A point may run a little past the offline budget: rephrasing merges claims. */
const POINT_WORD_SLACK = 1.5;

/**
 * The briefing written by the model from the engine's claims, verified point by point. Articles,
 * groups and disagreements are the engine's; only the topics' points are the model's. Any
 * failure returns the offline briefing with a note saying why.
 */
export async function writeLlmBriefing(
  deps: LlmDeps,
  analysis: Analysis,
  options: EngineOptions & { topic?: string },
): Promise<Briefing> {
  const offline = briefingFromAnalysis(analysis, options);
  const { data, catalog } = briefingContext(analysis, options);
  // Nothing on any topic: there is nothing for a model to write, and no call to pay for.
  if (catalog.byRef.size === 0) return offline;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const topicIds = data.topics.map((t) => t.id);
  const maxWords = Math.ceil(budget.wordsPerPoint * POINT_WORD_SLACK);
  try {
    const topics = await completeVerified(
      deps,
      {
        purpose: 'briefing',
        messages: briefingMessages(deps.prompts, { story: options.story, data, ...budget }),
        output: briefingOutputSchema(topicIds, [...catalog.byRef.keys()]),
      },
      (json) =>
        checkTopics(json, {
          analysis,
          catalog,
          offline,
          pointsPerTopic: budget.pointsPerTopic,
          maxWords,
          dictionary: deps.dictionary,
        }),
    );
    return { ...offline, engine: deps.engine, topics };
  } catch (error) {
    return { ...offline, notes: [...(offline.notes ?? []), fallbackNote(deps, 'briefing', error)] };
  }
}

function checkTopics(
  json: unknown,
  ctx: {
    analysis: Analysis;
    catalog: ClaimCatalog;
    offline: Briefing;
    pointsPerTopic: number;
    maxWords: number;
    dictionary: WordList;
  },
): Checked<TopicBriefing[]> {
  const parsed = BriefingReplySchema.safeParse(json);
  if (!parsed.success) {
    throw new LlmError('llm:invalid-output', `reply does not match the schema: ${parsed.error.message}`);
  }
  const rejected: Rejection[] = [];
  let proposed = 0;
  let accepted = 0;
  const topics = ctx.offline.topics.map((topic): TopicBriefing => {
    const statements = parsed.data.topics.filter((t) => t.id === topic.id).flatMap((t) => t.points);
    proposed += statements.length;
    const result = verifyStatements(statements, ctx.catalog, { maxWords: ctx.maxWords, dictionary: ctx.dictionary });
    rejected.push(...result.rejected);
    const points = result.accepted.slice(0, ctx.pointsPerTopic).map((s) => toPoint(ctx.analysis, s.text, s.claims));
    accepted += points.length;
    return { id: topic.id, label: topic.label, points };
  });
  for (const stray of parsed.data.topics.filter((t) => !ctx.offline.topics.some((o) => o.id === t.id))) {
    proposed += stray.points.length;
    const problems = [`is under topic "${stray.id}", which is not in the data`];
    rejected.push(...stray.points.map((p) => ({ ...p, problems })));
  }
  return { value: topics, proposed, accepted, rejected };
}
