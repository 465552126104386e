import type { ChatModel, ChatRequest } from './chat-model.ts';
import { LlmError } from './llm-error.ts';
import type { LlmMetrics } from './metrics.ts';
import type { PromptSet } from './prompt-loader.ts';
import { repairMessage } from './render-prompts.ts';
import type { Rejection } from './verify.ts';

export interface Checked<T> {
  value: T;
  proposed: number;
  accepted: number;
  rejected: Rejection[];
}

/** More than this share of statements failing verification calls for a repair round. */
export const MAX_REJECTED_SHARE = 0.25;

export function acceptable(checked: Checked<unknown>): boolean {
  return checked.accepted > 0 && checked.rejected.length <= checked.proposed * MAX_REJECTED_SHARE;
}

/**
 * One call, verified; when too much fails, one repair round that names the failures; when that
 * fails too, an `llm:unverified` error (the caller falls back). A few failing statements in an
 * otherwise good reply are simply dropped by `check`.
 */
export async function completeVerified<T>(
  deps: { model: ChatModel; prompts: PromptSet; metrics?: LlmMetrics | undefined },
  request: ChatRequest,
  check: (json: unknown) => Checked<T>,
  isAcceptable: (checked: Checked<T>) => boolean = acceptable,
): Promise<T> {
  const checkAndCount = (json: unknown, purpose: ChatRequest['purpose']) => {
    const checked = check(json);
    deps.metrics?.verification?.({ purpose, proposed: checked.proposed, dropped: checked.rejected.length });
    return checked;
  };
  const first = await deps.model.complete(request);
  const firstCheck = checkAndCount(first.json, request.purpose);
  if (isAcceptable(firstCheck)) return firstCheck.value;
  if (firstCheck.rejected.length === 0) throw new LlmError('llm:unverified', 'the reply contained no statements');

  const repaired = await deps.model.complete({
    purpose: 'repair',
    messages: [...request.messages, repairMessage(deps.prompts, first.json, firstCheck.rejected)],
    output: request.output,
  });
  const secondCheck = checkAndCount(repaired.json, 'repair');
  if (isAcceptable(secondCheck)) return secondCheck.value;
  const problems = secondCheck.rejected.flatMap((r) => r.problems.map((p) => `"${r.text}" ${p}`));
  const counts = `${secondCheck.rejected.length} of ${secondCheck.proposed}`;
  throw new LlmError(
    'llm:unverified',
    `after one repair round, ${counts} statements still fail: ${problems.slice(0, 5).join('; ')}`,
  );
}
