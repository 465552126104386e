import { MessageFlags } from 'discord.js';
import { inertText } from '../render/text.ts';
import type { SummitSubcommand } from './types.ts';

export const helpSubcommand = {
  name: 'help',
  define: (builder) => builder.setName('help').setDescription('What summit does and how to use it'),
  async execute(interaction, ctx) {
    const topics = ctx.service.topics().map((t) => `\`${t.id}\` (${inertText(t.label)})`).join(', ');
    const description = [
      'summit condenses many articles about one story into short briefings where every point links to its sources.',
      '',
      '`/summit brief [topic] [story]` — the briefing of this channel’s story (or, once, another): points per topic, numbered sources, where sources differ',
      '`/summit ask <question>` — answered only from the articles, with quotes (or “The articles don’t say.”)',
      '`/summit sources` — the articles, with rewrites grouped',
      '`/summit stories` — this server’s stories; `/summit follow <story>` — this channel’s story from now on (Manage Channels)',
      '`/summit story new|rename|archive` — manage stories; `/summit topics [list]` — the topics of this channel’s story (setting them: Manage Channels)',
      '`/summit subscribe <HH:MM> [timezone] [topics]` — a daily digest of what is new here (Manage Channels)',
      '`/summit unsubscribe` — stop it',
      '`/summit source add <url> [keywords]` — follow an RSS/Atom feed or article page (Manage Channels); `/summit source list`, `/summit source remove`',
      '',
      'Briefings and digests open a thread: mention me there with a question.',
      `Topics new stories start with: ${topics || 'none configured'}.`,
    ].join('\n');
    await interaction.reply({
      embeds: [{ title: 'summit', description, color: 0x2b6cb0 }],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
} satisfies SummitSubcommand;
