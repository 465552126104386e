/**
 * A worker that polls sources (fetcher allowed onto loopback only, names resolved by the test),
 * the Redis-backed service, and the local news site — on a fresh key prefix, cleaned up after.
 */
import type { LookupAddress } from 'node:dns';
import { pino } from 'pino';
import { createRedisSummitService } from '../../src/app/create-redis-service.ts';
import type { SourceRecord } from '../../src/core/ports/source-repository.ts';
import { createFetcher } from '../../src/ingest/fetch/create-fetcher.ts';
import { type RunningWorker, startWorker } from '../../src/main.ts';
import { WebSourcesPeer } from '../peers/web-sources/server.ts';
import { cleanPrefix, countingEngine, redisUrlOf, testConfig, testPrefix, waitFor } from './queue-harness.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export async function sourcesTestEnv(name: string, options: { timeoutMs?: number; maxItemsPerPoll?: number } = {}) {
  const peer = await WebSourcesPeer.start();
  const config = testConfig(testPrefix(name), { SOURCE_POLL_MINUTES: '60' });
  const { engine } = countingEngine();
  const logs: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const dns: Record<string, LookupAddress[]> = { 'news.test': [{ address: '127.0.0.1', family: 4 }], 'metadata.test': [{ address: '169.254.169.254', family: 4 }] };
  const fetcher = createFetcher(
    { timeoutMs: options.timeoutMs ?? 3000, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'summit-test', allowNetworks: ['127.0.0.0/8'] },
    async (host) => {
      const answer = dns[host];
      if (!answer) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return answer;
    },
  );
  const worker: RunningWorker = await startWorker(config, {
    engine,
    logger,
    withoutOpsServer: true,
    sources: { fetcher, maxItemsPerPoll: options.maxItemsPerPoll ?? 30 },
  });
  const handle = await createRedisSummitService(config, { engine, logger: pino({ level: 'silent' }) });
  return {
    peer,
    config,
    worker,
    service: handle.service,
    queue: handle.queue,
    /** The service's store connection (what `summit web` would have). */
    redis: handle.redis,
    stores: worker.stores,
    logs,
    fetcher,
    /** Waits until the source's latest poll has finished (its state left `pending` / changed its poll time). */
    async polled(id: string, after?: string): Promise<SourceRecord> {
      return waitFor(`source ${id} polled`, async () => {
        const record = await worker.stores.sources.get(id);
        return record && record.state.status !== 'pending' && record.state.lastPolledAt !== after ? record : undefined;
      });
    },
    async close() {
      await handle.close();
      await worker.close();
      await peer.close();
      await cleanPrefix(config.keyPrefix, redisUrlOf(config));
    },
  };
}

export type SourcesTestEnv = Awaited<ReturnType<typeof sourcesTestEnv>>;
