import type { DeliveryFactory } from '../../app/delivery-provider.ts';
import { loadSlackDeliveryConfig } from '../../config/slack.ts';
import { createLogger } from '../../ops/logger.ts';
import { SlackDelivery } from './delivery.ts';

/**
 * Slack's delivery in the worker process: Web API only (posting needs no receiver), configured
 * from the same variables as `summit slack`; absent when SLACK_BOT_TOKEN is unset. The worker
 * links each digest's thread itself, so no thread store is passed here.
 */
export const slackDeliveryFactory: DeliveryFactory = async (env) => {
  if (!env.SLACK_BOT_TOKEN) return undefined;
  const config = loadSlackDeliveryConfig(env);
  const logger = createLogger(env.LOG_LEVEL ?? 'info', 'summit-slack-delivery');
  return { delivery: SlackDelivery.fromConfig(config, { logger }) };
};
