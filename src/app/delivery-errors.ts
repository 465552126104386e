import type { Subscription } from '../core/types.ts';

/**
 * Thrown by a ChatDelivery when the platform says the channel is gone or closed to the bot
 * (Slack `channel_not_found`, `not_in_channel`, `is_archived`; Discord Unknown Channel, Missing
 * Access). Retrying cannot help: the subscription is flagged (and kept) and the delivery fails
 * at once, staying in the failed set to be retried by hand once the bot is back in the channel.
 */
export class ChannelUnavailableError extends Error {
  readonly code = 'delivery:channel-unavailable';
  /** The platform's own error code, e.g. "not_in_channel". */
  readonly platformCode: string;

  constructor(platformCode: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ChannelUnavailableError';
    this.platformCode = platformCode;
  }
}

/** The worker has no ChatDelivery for a platform (its adapter is not configured in this process). */
export class NoDeliveryError extends Error {
  readonly code = 'delivery:not-configured';

  constructor(platform: Subscription['platform']) {
    super(`no chat delivery configured for ${platform}; set the ${platform} adapter's variables on the worker`);
    this.name = 'NoDeliveryError';
  }
}
