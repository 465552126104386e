import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ChannelUnavailableError } from '../../app/delivery-errors.ts';
import type { ChatDelivery, SummitService } from '../../app/summit-service.ts';
import type { SlackConfig } from '../../config/slack.ts';
import type { Digest, Subscription } from '../../core/types.ts';
import { SlackApiError } from './errors.ts';
import { boltLogger } from './logger.ts';
import { postMessages, type WebClient } from './post.ts';
import { renderDigest } from './render/digest.ts';
import type { RenderOptions } from './render/sources.ts';
import { SLACK_RETRY_CONFIG } from './retry.ts';
import { slackThreadId } from './thread-id.ts';

export interface SlackDeliveryOptions {
  client: WebClient;
  render: RenderOptions;
  /** When given, the digest's thread is linked to its story so follow-ups are answered there. */
  threads?: Pick<SummitService, 'linkThread'>;
}

/**
 * Posts digests for the queue's delivery job. A channel or installation a person must fix
 * (not_in_channel, channel_not_found, is_archived, revoked or invalid token) is thrown as
 * ChannelUnavailableError with Slack's code, so the worker flags the subscription and keeps it;
 * anything else (rate limits after the client's retries, outages) as SlackApiError, to be retried.
 */
export class SlackDelivery implements ChatDelivery {
  readonly platform = 'slack' as const;
  readonly #client: WebClient;
  readonly #render: RenderOptions;
  readonly #threads: Pick<SummitService, 'linkThread'> | undefined;

  constructor(options: SlackDeliveryOptions) {
    this.#client = options.client;
    this.#render = options.render;
    this.#threads = options.threads;
  }

  /** A delivery that talks to SLACK_API_URL with the bot token, honouring 429 Retry-After. */
  static fromConfig(
    config: Pick<SlackConfig, 'botToken' | 'apiUrl' | 'publicBaseUrl'>,
    options: { logger: Logger; threads?: Pick<SummitService, 'linkThread'> },
  ): SlackDelivery {
    const client = new webApi.WebClient(config.botToken, {
      slackApiUrl: config.apiUrl,
      retryConfig: SLACK_RETRY_CONFIG,
      logger: boltLogger(options.logger.child({ component: 'slack-delivery' })),
    });
    return new SlackDelivery({
      client,
      render: config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {},
      ...(options.threads ? { threads: options.threads } : {}),
    });
  }

  async postDigest(subscription: Subscription, digest: Digest): Promise<{ threadId: string }> {
    if (subscription.platform !== 'slack') {
      throw new Error(`SlackDelivery cannot deliver to ${subscription.platform} subscriptions`);
    }
    const messages = renderDigest(digest, subscription.storyId, this.#render);
    let ts: string;
    try {
      ts = await postMessages(this.#client, subscription.channelId, messages);
    } catch (error) {
      if (error instanceof SlackApiError && error.needsAttention) {
        throw new ChannelUnavailableError(error.slackError, deliveryProblem(error, subscription.channelId), { cause: error });
      }
      throw error;
    }
    const threadId = slackThreadId(subscription.channelId, ts);
    await this.#threads?.linkThread({
      threadId,
      storyId: subscription.storyId,
      ...(digest.briefingId ? { briefingId: digest.briefingId } : {}),
    });
    return { threadId };
  }
}

function deliveryProblem(error: SlackApiError, channel: string): string {
  switch (error.code) {
    case 'slack:not_in_channel':
      return `the bot is not a member of Slack channel ${channel}; invite it with /invite @summit`;
    case 'slack:channel_not_found':
      return `Slack channel ${channel} does not exist or is private to the bot; invite the bot or resubscribe`;
    case 'slack:is_archived':
      return `Slack channel ${channel} is archived`;
    default:
      return `Slack rejected the bot token (${error.slackError}); reinstall the app and update SLACK_BOT_TOKEN`;
  }
}
