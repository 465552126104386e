import { discordDeliveryFactory } from '../chat/discord/delivery-factory.ts';
import { slackDeliveryFactory } from '../chat/slack/delivery-factory.ts';
import type { ChatDelivery } from './summit-service.ts';

/** A platform's delivery as the worker runs it, with whatever it must close on shutdown. */
export interface DeliveryProvider {
  delivery: ChatDelivery;
  close?(): Promise<void>;
}

/**
 * Builds a platform's ChatDelivery from the environment, or returns undefined when that
 * platform is not configured. Called once by `summit worker`'s composition root.
 */
export type DeliveryFactory = (env: Record<string, string | undefined>) => Promise<DeliveryProvider | undefined>;

/** Every chat platform's delivery factory. Each adapter adds its own line here. */
export const DELIVERY_FACTORIES: DeliveryFactory[] = [discordDeliveryFactory, slackDeliveryFactory];
