import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { DiscordContext } from '../context.ts';
import { briefingMessages } from '../render/briefing.ts';
import { briefingButtons } from '../render/components.ts';
import { inertText, truncate } from '../render/text.ts';
import { tellPrivately } from '../private-reply.ts';
import { sendReply } from '../reply.ts';
import { storyForChannel } from '../story.ts';
import { openQuestionThread } from '../threads.ts';
import { channelOf } from './channel.ts';
import type { SummitSubcommand } from './types.ts';
import { storyTitle } from '../../../render/story-title.ts';

/** A long briefing may take this many messages before it is shortened with a link. */
const MAX_BRIEFING_MESSAGES = 3;

export const briefSubcommand = {
  name: 'brief',
  define: (builder, topics) =>
    builder
      .setName('brief')
      .setDescription('Post the briefing: cited points per topic and where sources differ')
      .addStringOption((option) => {
        option.setName('topic').setDescription('Only this topic');
        // Choices are capped at 25 and 100-character values; beyond that the topic is checked on use.
        if (topics.length > 0 && topics.length <= 25 && topics.every((t) => t.id.length <= 100)) {
          option.addChoices(...topics.map((t) => ({ name: truncate(t.label, 100), value: t.id })));
        }
        return option;
      }),
  async execute(interaction, ctx) {
    const topic = interaction.options.getString('topic') ?? undefined;
    const topics = ctx.service.topics();
    if (topic && !topics.some((t) => t.id === topic)) {
      await tellPrivately(interaction, `Unknown topic “${inertText(truncate(topic, 100))}”. Topics are: ${topics.map((t) => inertText(t.id)).join(', ')}.`);
      return;
    }
    // Acknowledge first: a briefing may be computed (or queued) and Discord allows 3 seconds.
    await interaction.deferReply();
    await postBriefing(interaction, ctx, topic);
  },
} satisfies SummitSubcommand;

/** Computes the briefing, replies with it (and its buttons), and opens its question thread. */
export async function postBriefing(interaction: ChatInputCommandInteraction, ctx: DiscordContext, topic: string | undefined) {
  const { channelId, parentId, inThread } = channelOf(interaction);
  const storyId = await storyForChannel(ctx, channelId, parentId);
  const result = await ctx.service.brief({ storyId, ...(topic ? { topic } : {}) });
  const [first, ...rest] = briefingMessages(result, { publicBaseUrl: ctx.settings.publicBaseUrl, maxMessages: MAX_BRIEFING_MESSAGES });
  if (!first) return;
  const posted = await sendReply(interaction, [{ ...first, components: briefingButtons(ctx.service.topics(), topic) }, ...rest], ctx);
  const label = topic ? ctx.service.topics().find((t) => t.id === topic)?.label : undefined;
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
  const known = ctx.service.topics();
  const chosen = topic && known.some((t) => t.id === topic) ? topic : undefined;
  const result = await ctx.service.brief({ storyId, ...(chosen ? { topic: chosen } : {}) });
  const [first] = briefingMessages(result, { publicBaseUrl: ctx.settings.publicBaseUrl, maxMessages: 1 });
  if (!first) return;
  await interaction.editReply({ ...first, components: briefingButtons(known, chosen), allowedMentions: { parse: [] } });
}
