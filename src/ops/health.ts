import type { Redis } from 'ioredis';

export interface HealthReport {
  ok: boolean;
  redis: 'ok' | 'unreachable';
  worker: 'running' | 'stopped';
}

/** Redis answers a PING within the timeout, and the worker is taking jobs. */
export async function checkHealth(redis: Redis, workerRunning: () => boolean, timeoutMs = 1000): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const ping = redis.ping().then(
    (reply) => reply === 'PONG',
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const redisOk = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  const running = workerRunning();
  return { ok: redisOk && running, redis: redisOk ? 'ok' : 'unreachable', worker: running ? 'running' : 'stopped' };
}
