import type { Redis } from 'ioredis';

export interface HealthReport {
  ok: boolean;
  redis: 'ok' | 'unreachable';
  worker: 'running' | 'stopped';
}

/** Redis answers a PING within the timeout, and the worker is taking jobs. */
export async function checkHealth(redis: Pick<Redis, 'ping'>, workerRunning: () => boolean, timeoutMs = 1000): Promise<HealthReport> {
  const redisOk = await pingWithin(redis, timeoutMs);
  const running = workerRunning();
  return { ok: redisOk && running, redis: redisOk ? 'ok' : 'unreachable', worker: running ? 'running' : 'stopped' };
}

/** Whether Redis answers a PING within `ms`; a failed or late reply is false, never an error. */
export async function pingWithin(redis: Pick<Redis, 'ping'>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const ping = redis.ping().then(
    (reply) => reply === 'PONG',
    () => false,
  );
  const ok = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return ok;
}
