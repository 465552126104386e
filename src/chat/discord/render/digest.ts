import type { Digest } from '../../../core/types.ts';
import { topicAndDisagreementEmbeds } from './briefing.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { briefingPageUrl, maskedLink } from './links.ts';
import type { MessageBody } from './message.ts';
import { packEmbeds } from './pack.ts';
import { sourceLines } from './sources.ts';
import { inertText, truncate } from './text.ts';
import { briefingSections } from '../../../render/overview.ts';
import { storyTitle } from '../../../render/story-title.ts';

/**
 * A daily digest: only what is new since the channel's last digest (or a plain "nothing new"),
 * changed disagreements, and the sources with links; split or shortened to Discord's limits.
 */
export function digestMessages(digest: Digest, options: { publicBaseUrl?: string; maxMessages: number }): MessageBody[] {
  const fullUrl = briefingPageUrl(options.publicBaseUrl, digest.briefingId);
  const sections = briefingSections(digest);
  const newPoints = sections.some((t) => t.points.length > 0);
  const embeds =
    digest.nothingNew || (!newPoints && digest.disagreements.length === 0)
      ? [{ description: 'Nothing new since the last digest.' }]
      : [
          ...topicAndDisagreementEmbeds(sections, digest.disagreements, digest, {
            ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
            restBase: 'Sources differ (new or changed)',
          }),
          { title: 'Sources', color: 0x4a5568, description: sourceLines(digest.articles, options.publicBaseUrl).join('\n') },
        ];
  const pages = packEmbeds(embeds, {
    maxMessages: options.maxMessages,
    footer: { text: `${digest.engine} · ask questions in the thread`, timestamp: digest.generatedAt },
    hint: 'Use `/summit brief` for the full briefing.',
    ...(fullUrl ? { fullUrl } : {}),
  });
  const header =
    `**Daily digest: ${truncate(inertText(storyTitle(digest)), 200)}** · ${digest.localDate}` +
    (fullUrl ? ` · ${maskedLink('full briefing', fullUrl)}` : '');
  return pages.map((embeds, i) => ({ content: i === 0 ? truncate(header, DISCORD_LIMITS.content) : '', embeds }));
}
