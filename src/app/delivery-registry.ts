import type { Subscription } from '../core/types.ts';
import { NoDeliveryError } from './delivery-errors.ts';
import type { ChatDelivery } from './summit-service.ts';

/** The ChatDelivery of each platform, filled by the composition root. */
export class DeliveryRegistry {
  readonly #byPlatform = new Map<Subscription['platform'], ChatDelivery>();

  constructor(deliveries: ChatDelivery[] = []) {
    for (const delivery of deliveries) this.register(delivery);
  }

  register(delivery: ChatDelivery): void {
    if (this.#byPlatform.has(delivery.platform)) {
      throw new Error(`a ChatDelivery for ${delivery.platform} is already registered`);
    }
    this.#byPlatform.set(delivery.platform, delivery);
  }

  get(platform: Subscription['platform']): ChatDelivery {
    const delivery = this.#byPlatform.get(platform);
    if (!delivery) throw new NoDeliveryError(platform);
    return delivery;
  }

  platforms(): Subscription['platform'][] {
    return [...this.#byPlatform.keys()];
  }
}
