import { context, section, type SlackMessage } from '../render/blocks.ts';
import { escapeMrkdwn, truncate } from '../render/mrkdwn.ts';

/** What `/summit help` (and any unknown subcommand) shows, only to the person who asked. */
export function renderHelp(topics: { id: string; label: string }[], unknown?: string): SlackMessage {
  const topicList = topics.map((t) => `\`${escapeMrkdwn(t.id)}\``).join(', ');
  const lines = [
    '*summit* condenses today’s articles on a story into cited briefings.',
    '• `/summit brief [topic] [story:<story>]` — post the briefing of this channel’s story (or, once, another story); reply in its thread to ask about it',
    '• `/summit ask <question>` — answer from the story’s articles only, with citations',
    '• `/summit stories` — this workspace’s stories, with articles and last update',
    '• `/summit follow <story>` — this channel’s story from now on (admins only)',
    '• `/summit story new <title> [topics: …]`, `story rename <story> <title>`, `story archive <story>` — manage stories (admins only)',
    '• `/summit topics [list]` — the topics this channel’s story is briefed by; admins set them, e.g. `/summit topics results: seats votes; coalition: cabinet talks`',
    '• `/summit sources` — list every article, numbered as in the briefing',
    '• `/summit subscribe HH:MM [time zone] [topics]` — a daily digest here (admins only)',
    '• `/summit unsubscribe` — stop the daily digest here (admins only)',
    '• `/summit source add <url> [keywords]` — follow an RSS/Atom feed or article page (admins only); `source list`, `source remove <url>`',
    '• `/summit help` — this message',
  ];
  const blocks = [];
  if (unknown !== undefined) {
    const what =
      unknown === 'ask' ? '`/summit ask` needs a question.' : unknown === 'follow' ? '`/summit follow` needs a story (see `/summit stories`).' : `I don’t know “${escapeMrkdwn(truncate(unknown, 50))}”.`;
    blocks.push(section(what));
  }
  blocks.push(section(lines.join('\n')));
  if (topics.length > 0) blocks.push(context(`Topics new stories start with: ${topicList}`));
  return { text: 'summit commands: brief, ask, sources, stories, follow, story, topics, subscribe, unsubscribe, source, help', blocks };
}
