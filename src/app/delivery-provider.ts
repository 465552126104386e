import type { ChatDelivery } from './summit-service.ts';

/** A platform's delivery as the worker runs it, with whatever it must close on shutdown. */
export interface DeliveryProvider {
  delivery: ChatDelivery;
  close?(): Promise<void>;
}

/**
 * Builds a platform's ChatDelivery from the environment, or returns undefined when that
 * platform is not configured. Each chat adapter implements one; `chat-deliveries.ts` lists them.
 */
export type DeliveryFactory = (env: Record<string, string | undefined>) => Promise<DeliveryProvider | undefined>;
