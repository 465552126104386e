import type { SourceRecord } from '../../../core/ports/source-repository.ts';
import { sourceStatus } from '../../../sources/describe.ts';
import { context, type SlackMessage, sectionsFromLines } from './blocks.ts';
import { escapeMrkdwn, mrkdwnLink, truncate } from './mrkdwn.ts';

/** Sources listed in one message: well inside Slack's ~12,000 characters per message. */
const SHOWN = 25;

/** `/summit source list`: every feed and page the story follows, with its keywords and how its polls go. */
export function renderSourceStatusList(storyId: string, records: SourceRecord[], now: Date): SlackMessage {
  const story = escapeMrkdwn(storyId);
  if (records.length === 0) {
    const text = `*${story}* follows no feeds or pages yet. Admins add one with \`/summit source add <url> [keywords]\`.`;
    return { text, blocks: sectionsFromLines([text]) };
  }
  const lines = records.slice(0, SHOWN).map(({ source, state }) => {
    const keywords = source.keywords.length > 0 ? ` — keywords: ${source.keywords.map((k) => `“${escapeMrkdwn(k)}”`).join(', ')}` : '';
    const icon = state.status === 'failing' ? '⚠️' : state.status === 'ok' ? '✅' : '⏳';
    const status = escapeMrkdwn(truncate(sourceStatus({ source, state }, now), 400));
    return `${icon} ${mrkdwnLink(source.url, truncate(source.url, 120))}${keywords}\n      ${status}`;
  });
  if (records.length > SHOWN) lines.push(`… and ${records.length - SHOWN} more.`);
  const title = `*${story}* follows ${records.length} source${records.length === 1 ? '' : 's'}:`;
  return {
    text: `${story}: ${records.length} source(s)`,
    blocks: [...sectionsFromLines([title, ...lines]), context('Admins: `/summit source add <url> [keywords]`, `/summit source remove <url>`')],
  };
}
