import { UnrecoverableError } from 'bullmq';
import type { z } from 'zod';

/** Validates a job's data; bad input fails the job at once, without retries. */
export function parsePayload<S extends z.ZodType>(schema: S, data: unknown, jobName: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UnrecoverableError(`invalid ${jobName} job data: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
}
