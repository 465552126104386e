import type { Answer, BriefingArticle } from '../../../core/types.ts';
import { context, section, sectionsFromLines, type SlackMessage } from './blocks.ts';
import { absoluteLink, escapeMrkdwn, mrkdwnLink, truncate } from './mrkdwn.ts';
import { articleLabel, type RenderOptions } from './sources.ts';

/**
 * An answer with its citations: each quote, linked to its sentence, and the article it is from.
 * The asker is not @-mentioned, so a reply never notifies anyone.
 */
export function renderAnswer(
  answer: Answer,
  articles: BriefingArticle[],
  options: RenderOptions & { question?: string },
): SlackMessage {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const blocks = [];
  if (options.question) blocks.push(section(`*Q:* ${escapeMrkdwn(truncate(options.question, 500))}`));
  blocks.push(section(escapeMrkdwn(truncate(answer.answer, 2900))));
  const lines = answer.citations.slice(0, 10).map((c, i) => {
    const article = byId.get(c.articleId);
    const source = article ? escapeMrkdwn(truncate(articleLabel(article), 150)) : escapeMrkdwn(c.articleId);
    const quote = mrkdwnLink(absoluteLink(c.link, options.publicBaseUrl), `“${truncate(c.quote, 400)}”`);
    return `[${i + 1}] ${quote} — ${source}`;
  });
  blocks.push(...sectionsFromLines(lines));
  for (const note of answer.notes ?? []) blocks.push(context(escapeMrkdwn(truncate(note, 300))));
  if (!answer.supported) blocks.push(context('Answers come only from this story’s articles.'));
  return { text: escapeMrkdwn(truncate(answer.answer, 2900)), blocks };
}
