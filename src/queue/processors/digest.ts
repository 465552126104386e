import { z } from 'zod';
import { buildDigest, localDateOf } from '../../core/digest.ts';
import type { Processor } from './context.ts';
import { parsePayload } from './payload.ts';
import { storyTitle } from '../../render/story-title.ts';

const DigestPayload = z.object({ subscriptionId: z.string().min(1), scheduledAt: z.iso.datetime().optional() });

/**
 * Builds a channel's digest for one local day and queues its delivery. Claiming the day first
 * (subscription + local date, atomically in Redis) makes a second job for the same day — another
 * worker, a re-created scheduler, a manual run — a no-op; a retry of this same job resumes.
 */
export const processDigest: Processor<'digest'> = async (job, { stores, briefings, queue, logger, metrics, now }) => {
  const { subscriptionId, scheduledAt } = parsePayload(DigestPayload, job.data, 'digest');
  const record = await stores.subscriptions.get(subscriptionId);
  if (!record) {
    // The channel unsubscribed while this run was already queued: drop the orphaned schedule.
    await queue.removeDigestScheduler(subscriptionId);
    metrics.digest('no-subscription');
    return { outcome: 'no-subscription' };
  }
  const { subscription } = record;
  // The scheduled instant decides the day, so a run that starts late (backlog, restart) still
  // counts for the day it was meant for.
  const at = scheduledAt ? new Date(scheduledAt) : new Date(job.opts.prevMillis ?? job.timestamp);
  const localDate = localDateOf(at, subscription.timeZone);

  const claim = await stores.digests.claimDay(subscriptionId, localDate, String(job.id));
  if (claim !== 'claimed') {
    logger.info({ jobId: job.id, subscriptionId, localDate, claim }, 'digest already handled for this day');
    metrics.digest(claim === 'done' ? 'already-done' : 'taken');
    return { outcome: claim === 'done' ? 'already-done' : 'taken', localDate };
  }

  const { briefingId, briefing, computed } = await briefings.briefing(subscription.storyId);
  if (computed) metrics.engineRun('brief');
  const delivered = await stores.digests.delivered(subscriptionId);
  const storyTopics = new Set((await briefings.topicsOf(subscription.storyId)).map((t) => t.id));
  const { digest, record: digestRecord } = buildDigest({
    // Titled from the whole set's headlines, not only the articles the digest cites.
    briefing: { ...briefing, title: storyTitle(briefing) },
    briefingId,
    delivered,
    localDate,
    now: now(),
    // Topics the story no longer has (its topics were changed since) are dropped; none left = all topics.
    topics: subscription.topics.filter((id) => storyTopics.has(id)),
  });
  // One delivery per subscription and day: the job id deduplicates a retry of this job.
  await queue.add(
    'deliver-digest',
    { subscriptionId, localDate, digest, record: digestRecord },
    { jobId: deliveryJobId(subscriptionId, localDate) },
  );
  logger.info({ jobId: job.id, subscriptionId, localDate, nothingNew: digest.nothingNew }, 'digest queued for delivery');
  metrics.digest(digest.nothingNew ? 'nothing-new' : 'built');
  return { outcome: 'queued', localDate, nothingNew: digest.nothingNew };
};

/** BullMQ job ids may not contain ":"; channel ids are plain, but keep the id safe regardless. */
export function deliveryJobId(subscriptionId: string, localDate: string): string {
  return `deliver-${subscriptionId.replace(/[^A-Za-z0-9_.-]/g, '_')}-${localDate}`;
}
