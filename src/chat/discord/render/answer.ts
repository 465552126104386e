import type { Answer, BriefingArticle } from '../../../core/types.ts';
import { DISCORD_LIMITS } from './limits.ts';
import type { MessageBody } from './message.ts';
import { sourceNumbers } from '../../../render/source-numbers.ts';
import { citationRefs } from './refs.ts';
import { inertText, truncate } from './text.ts';

const MAX_QUOTES = 8;

/**
 * An answer: the text as the message content (so it reads like a reply) and, when supported,
 * the quoted sentences with their numbered, linked sources in an embed.
 */
export function answerMessage(answer: Answer, articles: BriefingArticle[], publicBaseUrl?: string): MessageBody {
  // Notes (e.g. "written by the offline engine") are small print under the answer.
  const notes = (answer.notes ?? []).map((note) => `\n-# ${truncate(inertText(note), 300)}`).join('');
  const content = truncate(`${inertText(answer.answer)}${notes}`, DISCORD_LIMITS.content);
  if (!answer.supported || answer.citations.length === 0) return { content, embeds: [] };
  const numbers = sourceNumbers(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const lines = answer.citations.slice(0, MAX_QUOTES).map((c) => {
    const article = byId.get(c.articleId);
    const name = article ? ` — ${truncate(inertText(article.title ?? article.source), 120)}` : '';
    return `${citationRefs([c], numbers, publicBaseUrl) || '•'} “${truncate(inertText(c.quote), 400)}”${name}`;
  });
  const more = answer.citations.length - MAX_QUOTES;
  if (more > 0) lines.push(`*…and ${more} more*`);
  return { content, embeds: [{ title: 'From the articles', color: 0x2f855a, description: lines.join('\n') }] };
}
