import type { DiscordContext } from '../context.ts';
import { answerMessage } from '../render/answer.ts';
import { DISCORD_LIMITS } from '../render/limits.ts';
import type { MessageBody } from '../render/message.ts';
import { inertText, truncate } from '../render/text.ts';
import { sendReply } from '../reply.ts';
import { storyForChannel } from '../story.ts';
import { openQuestionThread, threadKey } from '../threads.ts';
import { channelOf } from './channel.ts';
import type { SummitSubcommand } from './types.ts';

export const QUESTION_MAX_LENGTH = 500;

export const askSubcommand = {
  name: 'ask',
  define: (builder) =>
    builder
      .setName('ask')
      .setDescription("Ask about the story; answered only from its articles, with quotes")
      .addStringOption((option) =>
        option.setName('question').setDescription('Your question').setRequired(true).setMaxLength(QUESTION_MAX_LENGTH),
      ),
  async execute(interaction, ctx) {
    await interaction.deferReply();
    const question = interaction.options.getString('question', true).trim();
    const { channelId, parentId, inThread } = channelOf(interaction);
    const storyId = await storyForChannel(ctx, interaction.guildId, channelId, parentId);
    const posted = await sendReply(interaction, [await answerBody(ctx, { threadId: threadKey(channelId), storyId, question }, true)], ctx);
    // Like a briefing, an answer opens a thread for more questions (inside a thread, that thread serves).
    if (!inThread) await openQuestionThread(ctx, { ...posted, inThread, name: question, storyId });
  },
} satisfies SummitSubcommand;

/** Asks the service and renders the answer; `quoteQuestion` repeats the question (slash commands hide it). */
export async function answerBody(
  ctx: DiscordContext,
  request: { threadId: string; storyId: string; question: string },
  quoteQuestion: boolean,
): Promise<MessageBody> {
  const answer = await ctx.service.ask(request);
  // Source names and numbers as in the briefing; without them the quotes still stand.
  const articles =
    answer.citations.length > 0
      ? await ctx.service.sources(request.storyId).catch((error: unknown) => {
          ctx.logger.warn({ err: error, storyId: request.storyId }, 'sources unavailable; answering without source names');
          return [];
        })
      : [];
  const body = answerMessage(answer, articles, ctx.settings.publicBaseUrl);
  if (!quoteQuestion) return body;
  return { ...body, content: truncate(`**Q:** ${inertText(request.question)}\n${body.content}`, DISCORD_LIMITS.content) };
}
