import { z } from 'zod';

/** Unset and blank variables both mean "use the default" (compose files often pass `VAR=`). */
export const blankAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A yes/no variable: true, false, 1, 0, yes or no. */
export const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

/** Configuration that failed validation; the message names every offending variable. */
export class ConfigError extends Error {
  readonly code = 'config:invalid';
  readonly variables: string[];
  readonly problems: { variable: string; message: string }[];

  constructor(problems: { variable: string; message: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
    this.problems = problems;
  }
}

/**
 * Parses environment variables with a zod object schema whose keys are the variable names.
 * Called once at start-up by the composition root; never read process.env elsewhere.
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(env)'), message: issue.message })),
  );
}
