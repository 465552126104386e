import type { DeliveryProvider } from '../../app/delivery-provider.ts';
import type { CliCommand } from '../command.ts';
import { fetchConfigFromEnv, queueConfigFromEnv } from './queue-config.ts';

export const workerCommand: CliCommand = {
  register(program) {
    program
      .command('worker')
      .description('run the queue worker (briefings, digests, deliveries, answers, ingest) with /healthz, /metrics and Bull Board')
      .action(async () => {
        const config = queueConfigFromEnv();
        const fetchConfig = fetchConfigFromEnv();
        // Loaded on use, so other commands don't pay for BullMQ, Express and Bull Board.
        const { DELIVERY_FACTORIES } = await import('../../app/chat-deliveries.ts');
        const { serveUntilSignal, startWorker } = await import('../../main.ts');
        const { createFetcher } = await import('../../ingest/fetch/create-fetcher.ts');
        const providers = (await Promise.all(DELIVERY_FACTORIES.map((make) => make(process.env)))).filter(
          (p): p is DeliveryProvider => p !== undefined,
        );
        const running = await startWorker(config, {
          deliveries: providers,
          sources: { fetcher: createFetcher(fetchConfig), maxItemsPerPoll: fetchConfig.maxItemsPerPoll },
        });
        await serveUntilSignal(running);
      });
  },
};
