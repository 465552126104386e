import { countsLine, plural } from '../../../render/counts.ts';
import type { BriefingArticle } from '../../../core/types.ts';
import { type Block, context, header, sectionsFromLines, type SlackMessage } from './blocks.ts';
import { mrkdwnLink, truncate } from './mrkdwn.ts';
import { shortenToOne } from './pack.ts';
import { fullBriefingUrl, type RenderOptions, sourceLines } from './sources.ts';

const linesIn = (blocks: Block[]) => blocks.reduce((n, b) => n + (b.type === 'section' ? b.text.text.split('\n').length : 0), 0);

/** Every source of a story, numbered like the briefing, in one message (shortened when huge). */
export function renderSourceList(
  story: string,
  articles: BriefingArticle[],
  options: RenderOptions & { briefingId?: string },
): SlackMessage {
  const counts = countsLine(articles);
  const full = fullBriefingUrl(options.briefingId, options);
  const body = sectionsFromLines(sourceLines(articles, options));
  return shortenToOne(
    {
      text: `Sources: ${counts}`,
      head: [header(`Sources: ${truncate(story, 150 - counts.length - 12)} — ${counts}`)],
      body,
      tail: [],
    },
    (omitted) => {
      const hidden = linesIn(body.slice(body.length - omitted));
      return context(
        `${plural(hidden, 'more source')} not shown.${full ? ` ${mrkdwnLink(full, 'See them all')}` : ''}`,
      );
    },
  );
}
