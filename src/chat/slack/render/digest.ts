import { plural } from '../../../render/counts.ts';
import type { Digest } from '../../../core/types.ts';
import { ACTION_IDS, encodeActionValue } from '../actions.ts';
import { actions, type Block, button, context, header, section, sectionsFromLines, type SlackMessage } from './blocks.ts';
import { citedArticles, citedSourceLines, topicSectionLines } from './briefing.ts';
import { escapeMrkdwn, mrkdwnLink, truncate } from './mrkdwn.ts';
import { splitMessages } from './pack.ts';
import { fullBriefingUrl, type RenderOptions, slackDate } from './sources.ts';
import { briefingSections } from '../../../render/overview.ts';
import { storyTitle } from '../../../render/story-title.ts';

/** A daily digest: only what is new, with source links; split over messages when long. */
export function renderDigest(digest: Digest, storyId: string, options: RenderOptions): SlackMessage[] {
  const name = storyTitle(digest);
  const title = `Daily digest: ${truncate(name, 110)} — ${digest.localDate}`;
  const full = fullBriefingUrl(digest.briefingId, options);
  const contextLine = [`${escapeMrkdwn(digest.engine)} · ${slackDate(digest.generatedAt)}`];
  if (full) contextLine.push(mrkdwnLink(full, 'Full briefing'));
  const topics = briefingSections(digest).filter((t) => t.points.length > 0);
  const newPoints = topics.reduce((n, t) => n + t.points.length, 0);

  if (digest.nothingNew || (newPoints === 0 && digest.disagreements.length === 0)) {
    return [
      {
        text: `Nothing new on ${escapeMrkdwn(truncate(name, 200))} since the last digest`,
        blocks: [
          header(title),
          section(`Nothing new on *${escapeMrkdwn(truncate(name, 200))}* since the last digest.`),
          context(...contextLine),
        ],
      },
    ];
  }

  const body: Block[] = [];
  for (const lines of topicSectionLines(topics, digest.disagreements, digest.articles, options)) body.push(...sectionsFromLines(lines));
  body.push(...sectionsFromLines(citedSourceLines(digest.articles, citedArticles(topics, digest.disagreements), options)));

  const summary = `What's new: ${plural(newPoints, 'point')}${
    digest.disagreements.length > 0 ? `, ${plural(digest.disagreements.length, 'disagreement')}` : ''
  } from ${plural(digest.articles.length, 'article')}. Reply in the thread to ask about it.`;
  return splitMessages({
    text: `${escapeMrkdwn(title)}: ${plural(newPoints, 'new point')}`,
    head: [header(title), context(summary)],
    body,
    tail: [
      context(...contextLine),
      actions('summit_digest_actions', [button(ACTION_IDS.sources, 'Sources', encodeActionValue({ story: storyId }))]),
    ],
  });
}
