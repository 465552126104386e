import { ConfigError } from '../../config/parse-env.ts';
import { loadQueueConfig, type QueueConfig } from '../../config/queue.ts';
import { UserError } from '../errors.ts';

/** The queue settings from the environment, as a UserError naming the variables when invalid. */
export function queueConfigFromEnv(env: Record<string, string | undefined> = process.env): QueueConfig {
  try {
    return loadQueueConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, error.code, 1);
    throw error;
  }
}
