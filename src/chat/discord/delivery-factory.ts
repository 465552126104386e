import { REST } from 'discord.js';
import type { DeliveryFactory } from '../../app/delivery-provider.ts';
import { loadDiscordConfig } from '../../config/discord.ts';
import { createLogger } from '../../ops/logger.ts';
import { DiscordDelivery } from './delivery.ts';

/**
 * Discord's delivery in the worker process: REST only (posting needs no gateway connection),
 * configured from the same variables as `summit discord`; absent when DISCORD_TOKEN is unset.
 */
export const discordDeliveryFactory: DeliveryFactory = async (env) => {
  if (!env.DISCORD_TOKEN) return undefined;
  const config = loadDiscordConfig(env);
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const logger = createLogger(env.LOG_LEVEL ?? 'info', 'summit-discord-delivery');
  return {
    delivery: new DiscordDelivery({ rest, logger, ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) }),
    async close() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
};
