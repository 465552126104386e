/**
 * Redis servers the tests start and stop themselves, on free loopback ports in a temp dir:
 * a 3-primary Redis Cluster and a primary watched by one Sentinel (Debian's redis-server).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { waitFor } from './queue-harness.ts';

const run = promisify(execFile);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once a server on the port answers PING. */
export async function waitForPing(port: number, timeoutMs = 15_000): Promise<void> {
  await waitFor(
    `redis on port ${port} to answer`,
    async () => {
      const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => {});
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    },
    timeoutMs,
  );
}

async function stopAll(processes: ChildProcess[]): Promise<void> {
  await Promise.all(
    processes.map((p) => {
      if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
      const exited = new Promise((resolve) => p.once('exit', resolve));
      p.kill('SIGKILL');
      return exited;
    }),
  );
}

/** Three cluster-enabled primaries (no replicas) sharing the 16384 slots. */
export class TestCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'summit-cluster-'));
  ports: number[] = [];
  readonly #processes: ChildProcess[] = [];

  /** REDIS_CLUSTER_NODES for the config. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  async start(): Promise<void> {
    for (let i = 0; i < 3; i++) this.ports.push(await freePort());
    for (const port of this.ports) {
      this.#processes.push(
        spawn(
          'redis-server',
          ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`,
            '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', this.dir],
          { stdio: 'ignore' },
        ),
      );
    }
    for (const port of this.ports) await waitForPing(port);
    await run('redis-cli', ['--cluster', 'create', ...this.ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    // Every node must agree before clients see a stable slot map.
    for (const port of this.ports) {
      await waitFor(`cluster_state:ok on ${port}`, async () => {
        const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
        return /cluster_state:ok/.test(stdout);
      });
    }
  }

  async stop(): Promise<void> {
    await stopAll(this.#processes);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One primary and one Sentinel watching it as `name`. */
export class TestSentinel {
  readonly dir = mkdtempSync(join(tmpdir(), 'summit-sentinel-'));
  readonly name = 'summit-primary';
  primaryPort = 0;
  sentinelPort = 0;
  readonly #processes: ChildProcess[] = [];

  async start(): Promise<void> {
    this.primaryPort = await freePort();
    this.sentinelPort = await freePort();
    this.#processes.push(
      spawn('redis-server', ['--port', String(this.primaryPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: 'ignore' }),
    );
    await waitForPing(this.primaryPort);
    // Sentinel rewrites its config file, so it gets its own in the temp dir.
    const config = join(this.dir, 'sentinel.conf');
    writeFileSync(
      config,
      [`port ${this.sentinelPort}`, 'bind 127.0.0.1', `dir ${this.dir}`, `sentinel monitor ${this.name} 127.0.0.1 ${this.primaryPort} 1`, ''].join('\n'),
    );
    this.#processes.push(spawn('redis-server', [config, '--sentinel'], { stdio: 'ignore' }));
    await waitForPing(this.sentinelPort);
    await waitFor('the sentinel to know the primary', async () => {
      const { stdout } = await run('redis-cli', ['-p', String(this.sentinelPort), 'sentinel', 'get-master-addr-by-name', this.name]);
      return stdout.includes(String(this.primaryPort));
    });
  }

  async stop(): Promise<void> {
    await stopAll(this.#processes);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
