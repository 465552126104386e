/**
 * Resending a command as ioredis does after a reconnect (autoResendUnfulfilledCommands): the
 * same command, byte for byte. MONITOR records what a repository sent, so a test can send it again.
 */
import { Redis } from 'ioredis';
import { REDIS_URL, waitFor } from './queue-harness.ts';

/** The commands (outside scripts) that `action` sent on `redis` about keys under `prefix`, in order. */
export async function commandsSentBy(redis: Redis, prefix: string, action: () => Promise<unknown>, url = REDIS_URL): Promise<string[][]> {
  const client = new Redis(url);
  const monitor = await client.monitor();
  const marker = `${prefix}:monitor-marker:${Math.random()}`;
  const sent: string[][] = [];
  let done = false;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === 'lua' || !args.some((arg) => arg.includes(prefix))) return;
    if (args.includes(marker)) done = true;
    else if (!done) sent.push(args);
  });
  try {
    await action();
    // Same connection, so the marker reaches Redis after everything the action sent.
    await redis.get(marker);
    await waitFor('MONITOR to show the commands', () => done);
    return sent;
  } finally {
    monitor.disconnect();
    client.disconnect();
  }
}

/** Sends recorded commands again on `redis`, as a reconnect would; returns their replies. */
export async function resend(redis: Redis, commands: string[][]): Promise<unknown[]> {
  const replies: unknown[] = [];
  for (const [name, ...args] of commands) replies.push(await redis.call(name!, ...args));
  return replies;
}
