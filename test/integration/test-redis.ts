/** A redis-server of the test's own on a spare loopback port (AOF, fsync always), to kill and restart. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPing } from './redis-servers.ts';

/** Our own redis-server on a spare port, with AOF persistence, that the test can kill and restart. */
export class TestRedis {
  readonly dir = mkdtempSync(join(tmpdir(), 'summit-redis-'));
  port = 0;
  #process: ChildProcess | undefined;

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.#process !== undefined && this.#process.exitCode === null && this.#process.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.port ||= await freePort();
    // appendfsync always: a SIGKILL loses nothing, so the test checks our code, not fsync timing.
    this.#process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--dir', this.dir],
      { stdio: 'ignore' },
    );
    await waitForPing(this.port);
  }

  async kill(): Promise<void> {
    const p = this.#process;
    if (!p || !this.running) return;
    const exited = new Promise((resolve) => p.once('exit', resolve));
    p.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
