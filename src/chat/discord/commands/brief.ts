import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../context.ts';
import { briefingMessages } from '../render/briefing.ts';
import { briefingButtons } from '../render/components.ts';
import { inertText, truncate } from '../render/text.ts';
import { tellPrivately } from '../private-reply.ts';
import { sendReply } from '../reply.ts';
import { guildOwner, storyForChannel } from '../story.ts';
import { findTopic } from '../../shared/subscription-input.ts';
import { openQuestionThread } from '../threads.ts';
import { channelOf } from './channel.ts';
import type { SummitSubcommand } from './types.ts';
import { storyTitle } from '../../../render/story-title.ts';

/** A long briefing may take this many messages before it is shortened with a link. */
const MAX_BRIEFING_MESSAGES = 3;

export const briefSubcommand = {
  name: 'brief',
  define: (builder) =>
    builder
      .setName('brief')
      .setDescription('Post the briefing: cited points per topic and where sources differ')
      // Free text, not choices: every story has topics of its own (`/summit topics` lists them); checked on use.
      .addStringOption((option) => option.setName('topic').setDescription('Only this topic (see /summit topics), e.g. trade').setMaxLength(100))
      .addStringOption((option) => option.setName('story').setDescription('Brief another of this server’s stories once (see /summit stories)').setMaxLength(100)),
  async execute(interaction, ctx) {
    const asked = interaction.options.getString('topic') ?? undefined;
    const storyRef = interaction.options.getString('story') ?? undefined;
    const { channelId, parentId } = channelOf(interaction);
    // `story:` is checked against this server's stories: never another server's.
    const storyId = storyRef
      ? (await ctx.service.findStory(guildOwner(interaction.guildId), storyRef)).id
      : await storyForChannel(ctx, interaction.guildId, channelId, parentId);
    const topics = await ctx.service.storyTopics(storyId);
    const topic = asked === undefined ? undefined : findTopic(topics, asked)?.id;
    if (asked && !topic) {
      await tellPrivately(interaction, `Unknown topic “${inertText(truncate(asked, 100))}”. Topics are: ${topics.map((t) => inertText(t.id)).join(', ')}.`);
      return;
    }
    // Acknowledge first: a briefing may be computed (or queued) and Discord allows 3 seconds.
    await interaction.deferReply();
    await postBriefing(interaction, ctx, storyId, topic);
  },
} satisfies SummitSubcommand;

/** Computes the briefing, replies with it (and its buttons), and opens its question thread. */
export async function postBriefing(interaction: ChatInputCommandInteraction, ctx: DiscordContext, storyId: string, topic: string | undefined) {
  const { inThread } = channelOf(interaction);
  const result = await ctx.service.brief({ storyId, ...(topic ? { topic } : {}) });
  const topics = await ctx.service.storyTopics(storyId);
  const [first, ...rest] = briefingMessages(result, { publicBaseUrl: ctx.settings.publicBaseUrl, maxMessages: MAX_BRIEFING_MESSAGES });
  if (!first) return;
  const posted = await sendReply(interaction, [{ ...first, components: briefingButtons(topics, topic) }, ...rest], ctx);
  const label = topic ? topics.find((t) => t.id === topic)?.label : undefined;
  await openQuestionThread(ctx, {
    channelId: posted.channelId,
    messageId: posted.messageId,
    inThread,
    name: `Questions: ${storyTitle(result.briefing)}${label ? ` (${label})` : ''}`,
    storyId,
    briefingId: result.briefingId,
  });
}

/**
 * A topic button (already acknowledged with deferUpdate): the same message re-rendered for the
 * chosen topic — one message, shortened if needed.
 */
export async function switchTopic(interaction: ButtonInteraction, ctx: DiscordContext, storyId: string, topic: string | undefined) {
  const known = await ctx.service.storyTopics(storyId);
  const chosen = topic && known.some((t) => t.id === topic) ? topic : undefined;
  const result = await ctx.service.brief({ storyId, ...(chosen ? { topic: chosen } : {}) });
  const [first] = briefingMessages(result, { publicBaseUrl: ctx.settings.publicBaseUrl, maxMessages: 1 });
  if (!first) return;
  await interaction.editReply({ ...first, components: briefingButtons(known, chosen), allowedMentions: { parse: [] } });
}
