/**
 * `summit worker` as a real process (bin/summit.js, as the Docker image runs it) and a /healthz
 * probe, for tests and the bench that watch the worker's event loop from outside.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sleep } from './queue-harness.ts';

/** This checkout's CLI; the bench passes another checkout's to compare. */
export const BIN = fileURLToPath(new URL('../../bin/summit.js', import.meta.url));

export interface SummitWorkerProcess {
  child: ChildProcess;
  opsPort: number;
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `summit worker` with only the given environment (no chat tokens leak in); resolves once its ops server listens. */
export async function startSummitWorkerProcess(env: Record<string, string>, bin = BIN): Promise<SummitWorkerProcess> {
  const child = spawn(process.execPath, [bin, 'worker'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', SEED_ARTICLES: 'none', OPS_PORT: '0', OPS_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 30_000;
  let opsPort: number | undefined;
  while (opsPort === undefined) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`summit worker did not start:\n${out}`);
    const line = out.split('\n').find((l) => l.includes('ops server listening'));
    if (line) opsPort = (JSON.parse(line) as { port: number }).port;
    else await sleep(50);
  }
  return {
    child,
    opsPort,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}

/**
 * Latency of each GET /healthz, one every `everyMs` (after the previous answered), until `done`
 * settles. A failed probe throws, or with `failures` is counted there (a worker whose loop was
 * blocked for long may reset a kept-alive connection).
 */
export async function probeHealth(port: number, everyMs: number, done: Promise<unknown>, failures?: string[]): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => {});
  const latencies: number[] = [];
  while (!finished) {
    const started = performance.now();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(120_000) });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
    } catch (error) {
      if (!failures) throw error;
      failures.push(String(error));
    }
    latencies.push(performance.now() - started);
    await sleep(everyMs);
  }
  return latencies;
}
