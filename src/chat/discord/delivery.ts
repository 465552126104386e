import type { REST } from 'discord.js';
import type { ChatDelivery, SummitService } from '../../app/summit-service.ts';
import { contentId } from '../../core/ids.ts';
import type { Digest, Subscription } from '../../core/types.ts';
import { postChannelMessage } from './channel-messages.ts';
import type { DiscordLogger } from './context.ts';
import { deliveryError } from './errors.ts';
import { digestMessages } from './render/digest.ts';
import { startQuestionThread, threadKey } from './threads.ts';
import { storyTitle } from '../../render/story-title.ts';

/** A digest may take this many messages before it is shortened with a link. */
const MAX_DIGEST_MESSAGES = 3;

export interface DiscordDeliveryOptions {
  rest: REST;
  logger: DiscordLogger;
  publicBaseUrl?: string;
  /** Links the digest's thread to its story. The worker's delivery job links it itself; in-process use passes the service. */
  linkThreadsWith?: Pick<SummitService, 'linkThread'>;
}

/**
 * Posts daily digests for the delivery job, at most once: until the first message is posted a
 * failure is thrown (typed: DiscordChannelUnavailableError flags the subscription); once it is
 * posted, a failing continuation or thread is logged and the digest counts as delivered, so a
 * retried job never posts it again. Each message also carries a nonce (channel, local date,
 * part) with `enforce_nonce`, so a request discord.js retries after a timeout is not doubled.
 */
export class DiscordDelivery implements ChatDelivery {
  readonly platform = 'discord' as const;
  readonly #options: DiscordDeliveryOptions;

  constructor(options: DiscordDeliveryOptions) {
    this.#options = options;
  }

  async postDigest(subscription: Subscription, digest: Digest): Promise<{ threadId: string }> {
    const { rest, logger, publicBaseUrl } = this.#options;
    const channelId = subscription.channelId;
    const [first, ...continuations] = digestMessages(digest, { publicBaseUrl, maxMessages: MAX_DIGEST_MESSAGES });
    if (!first) throw new Error('a digest renders to at least one message');
    const nonce = (part: number) => `d${contentId('discord-digest', channelId, digest.localDate, String(part))}`;
    let firstId: string;
    try {
      firstId = (await postChannelMessage(rest, channelId, first, { nonce: nonce(0) })).id;
    } catch (error) {
      const failure = deliveryError(error, channelId);
      logger.warn({ err: failure, channelId, localDate: digest.localDate }, 'digest not delivered');
      throw failure;
    }
    let threadId = threadKey(channelId);
    try {
      for (const [i, part] of continuations.entries()) await postChannelMessage(rest, channelId, part, { nonce: nonce(i + 1) });
      threadId = await startQuestionThread(this.#options, { channelId, messageId: firstId, inThread: false, name: `Questions: ${storyTitle(digest)} · ${digest.localDate}` });
    } catch (error) {
      logger.warn({ err: deliveryError(error, channelId), channelId, messageId: firstId }, 'digest posted, but its continuation or thread failed; questions go to the channel');
    }
    await this.#options.linkThreadsWith?.linkThread({ threadId, storyId: subscription.storyId, ...(digest.briefingId ? { briefingId: digest.briefingId } : {}) });
    logger.info({ channelId, localDate: digest.localDate, threadId }, 'digest posted');
    return { threadId };
  }
}
