import { discordDeliveryFactory } from '../chat/discord/delivery-factory.ts';
import { slackDeliveryFactory } from '../chat/slack/delivery-factory.ts';
import type { DeliveryFactory } from './delivery-provider.ts';

/**
 * Every chat platform's delivery factory, called once by `summit worker`'s composition root.
 * Each adapter adds its own line here; the types they implement live in `delivery-provider.ts`.
 */
export const DELIVERY_FACTORIES: DeliveryFactory[] = [discordDeliveryFactory, slackDeliveryFactory];
