import type { ChainableCommander } from 'ioredis';

/** Runs a MULTI or pipeline; ioredis reports errors per command, so the first one is thrown here. */
export async function execOrThrow(batch: ChainableCommander): Promise<[error: Error | null, result: unknown][]> {
  const results = (await batch.exec()) ?? [];
  for (const [error] of results) if (error) throw error;
  return results;
}
