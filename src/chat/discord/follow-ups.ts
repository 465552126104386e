import type { Message } from 'discord.js';
import { postChannelMessage } from './channel-messages.ts';
import { answerBody } from './commands/ask.ts';
import type { DiscordContext } from './context.ts';
import type { MessageBody } from './render/message.ts';
import { threadKey } from './threads.ts';
import { userMessage } from './user-messages.ts';

/** Message ids already answered: a gateway resume can replay MESSAGE_CREATE. */
const ANSWERED_MEMORY = 1000;

export function createFollowUpHandler(ctx: DiscordContext) {
  const answered = new Set<string>();
  return async function handleThreadMessage(message: Message): Promise<void> {
    if (message.author.bot || message.webhookId || message.system) return;
    const botId = ctx.client.user?.id;
    const mentioned = botId !== undefined && message.mentions.users.has(botId);
    // Without a mention, only with the Message Content intent and only inside a thread (never a whole channel).
    if (!mentioned && !(ctx.settings.messageContent && message.channel.isThread())) return;
    const link = await ctx.service.thread(threadKey(message.channelId));
    if (!link || answered.has(message.id)) return;
    answered.add(message.id);
    if (answered.size > ANSWERED_MEMORY) answered.delete(answered.values().next().value as string);

    const question = stripMention(message.content, botId);
    let body: MessageBody;
    try {
      body = question
        ? await answerBody(ctx, { threadId: link.threadId, storyId: link.storyId, question }, false)
        : { content: 'Ask me a question about this story, for example: “What did they agree on trade?”', embeds: [] };
    } catch (error) {
      ctx.logger.error({ err: error, channelId: message.channelId, messageId: message.id }, 'could not answer a thread question');
      body = { content: userMessage(error), embeds: [] };
    }
    try {
      // The nonce keeps a retried post (or a replayed event in another process) from answering twice.
      await postChannelMessage(ctx.rest, message.channelId, body, { replyTo: message.id, nonce: `q${message.id}` });
    } catch (error) {
      answered.delete(message.id);
      ctx.logger.error({ err: error, channelId: message.channelId, messageId: message.id }, 'could not post an answer in the thread');
    }
  };
}

/** The question without the bot's mention(s) (`<@id>` or the legacy `<@!id>`). */
function stripMention(content: string, botId: string | undefined): string {
  const withoutBot = botId ? content.replaceAll(`<@${botId}>`, ' ').replaceAll(`<@!${botId}>`, ' ') : content;
  return withoutBot.replace(/\s+/g, ' ').trim();
}
