import { type FetchConfig, loadFetchConfig } from '../../config/fetch.ts';
import { ConfigError } from '../../config/parse-env.ts';
import { loadQueueConfig, type QueueConfig } from '../../config/queue.ts';
import { UserError } from '../errors.ts';

/** The queue settings from the environment, as a UserError naming the variables when invalid. */
export function queueConfigFromEnv(env: Record<string, string | undefined> = process.env): QueueConfig {
  return asUserError(() => loadQueueConfig(env));
}

/** The FETCH_* settings (worker polls, `summit ingest URL`), as a UserError naming the variables when invalid. */
export function fetchConfigFromEnv(env: Record<string, string | undefined> = process.env): FetchConfig & { maxItemsPerPoll: number } {
  return asUserError(() => loadFetchConfig(env));
}

/** Runs a config loader; a ConfigError (naming the variables) becomes a UserError with exit code 1. */
export function asUserError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, error.code, 1);
    throw error;
  }
}
