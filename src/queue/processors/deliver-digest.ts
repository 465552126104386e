import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { ChannelUnavailableError } from '../../app/delivery-errors.ts';
import type { Digest } from '../../core/types.ts';
import type { Processor } from './context.ts';
import { parsePayload } from './payload.ts';

const DeliverPayload = z.object({
  subscriptionId: z.string().min(1),
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  digest: z.custom<Digest>((v) => typeof v === 'object' && v !== null && 'topics' in v && 'localDate' in v),
  record: z.object({
    claimIds: z.array(z.string()),
    sentenceRefs: z.array(z.string()),
    disagreementSignatures: z.array(z.string()),
  }),
});

/**
 * Posts a digest through the platform's ChatDelivery, at most once per subscription and day.
 *
 * The crash window: the post and its record are two systems, so a crash between them leaves the
 * day in `posting`. We choose at-most-once: a later attempt that finds `posting` records the
 * digest as delivered (flagged uncertain, logged) and does not post again — a channel may miss
 * one digest in that rare case, but never gets two. A failure the delivery reports (it threw)
 * means nothing was posted, so the day goes back to `claimed` and BullMQ retries with backoff.
 */
export const processDeliverDigest: Processor<'deliver-digest'> = async (job, context) => {
  const { stores, deliveries, logger, metrics, now } = context;
  const { subscriptionId, localDate, digest, record } = parsePayload(DeliverPayload, job.data, 'deliver-digest');
  const subscription = await stores.subscriptions.get(subscriptionId);
  if (!subscription) {
    metrics.digest('unsubscribed');
    return { outcome: 'unsubscribed' };
  }
  const entry = (extra: { threadId?: string; uncertain: boolean }) => ({
    localDate,
    postedAt: now().toISOString(),
    claimIds: record.claimIds,
    nothingNew: digest.nothingNew,
    ...(digest.briefingId ? { briefingId: digest.briefingId } : {}),
    ...(extra.threadId ? { threadId: extra.threadId } : {}),
    uncertain: extra.uncertain,
  });

  const start = await stores.digests.beginPosting(subscriptionId, localDate);
  if (start === 'done') return { outcome: 'already-done' };
  if (start === 'interrupted') {
    await stores.digests.commit(subscriptionId, localDate, record, entry({ uncertain: true }));
    logger.warn({ jobId: job.id, subscriptionId, localDate }, 'digest delivery was interrupted after posting began; not posting again');
    metrics.digest('interrupted');
    return { outcome: 'interrupted' };
  }

  let threadId: string;
  try {
    ({ threadId } = await deliveries.get(subscription.subscription.platform).postDigest(subscription.subscription, digest));
  } catch (error) {
    await stores.digests.abortPosting(subscriptionId, localDate);
    if (error instanceof ChannelUnavailableError) {
      await stores.subscriptions.flag(subscriptionId, { code: error.platformCode, reason: error.message, at: now().toISOString() });
      logger.warn({ jobId: job.id, subscriptionId, platformCode: error.platformCode }, 'channel unavailable; subscription flagged');
      throw new UnrecoverableError(`${error.platformCode}: ${error.message}`);
    }
    throw error;
  }

  await stores.digests.commit(subscriptionId, localDate, record, entry({ threadId, uncertain: false }));
  await stores.threads.link({ threadId, storyId: subscription.subscription.storyId, ...(digest.briefingId ? { briefingId: digest.briefingId } : {}) });
  if (subscription.flag) await stores.subscriptions.unflag(subscriptionId);
  metrics.digest(digest.nothingNew ? 'posted-nothing-new' : 'posted');
  return { outcome: 'posted', threadId };
};
