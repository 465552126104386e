/**
 * A worker in its own process, for the stalled-job, shutdown and restart tests: the real
 * startWorker with a counting engine whose briefings take CHILD_BRIEF_DELAY_MS. It reports on
 * stdout: "ready", "brief-started", "signal <name>" and "closed timedOut=<bool>"; SIGTERM and
 * SIGINT shut it down exactly as `summit worker` does (serveUntilSignal).
 */
import { loadQueueConfig } from '../../src/config/queue.ts';
import { serveUntilSignal, startWorker } from '../../src/main.ts';
import { countingEngine, FakeDelivery, silentLogger } from './queue-harness.ts';

const delay = Number(process.env.CHILD_BRIEF_DELAY_MS ?? 0);
const { engine } = countingEngine({ briefDelayMs: delay });
const brief = engine.brief;
engine.brief = async (analysis, request) => {
  process.stdout.write('brief-started\n');
  return brief(analysis, request);
};

const running = await startWorker(loadQueueConfig(process.env), {
  engine,
  logger: silentLogger(),
  deliveries: [{ delivery: new FakeDelivery() }],
  withoutOpsServer: true,
});
process.stdout.write('ready\n');

await serveUntilSignal(running, {
  onSignal: (signal) => process.stdout.write(`signal ${signal}\n`),
  onClosed: ({ timedOut }) => process.stdout.write(`closed timedOut=${timedOut}\n`),
});
