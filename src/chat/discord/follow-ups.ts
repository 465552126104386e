import type { Message } from 'discord.js';
import { postChannelMessage, postDirectMessage } from './channel-messages.ts';
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
    let link;
    try {
      link = await ctx.service.thread(threadKey(message.channelId));
    } catch (error) {
      // Unknown whether this thread is summit's: nothing is said in it (and a rejected event handler must not end the bot).
      ctx.logger.error({ err: error, channelId: message.channelId, messageId: message.id }, 'could not look up the thread of a message');
      return;
    }
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
      body = { content: await tellAskerPrivately(ctx, message, userMessage(error)), embeds: [] };
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

/**
 * A thread message has no ephemeral reply: the reason goes to the asker in a DM, and the thread
 * gets a neutral note (saying where the reason went, or — DMs closed — only that it failed).
 */
async function tellAskerPrivately(ctx: DiscordContext, message: Message, reason: string): Promise<string> {
  try {
    await postDirectMessage(ctx.rest, message.author.id, { content: reason, embeds: [] });
    return THREAD_FAILED_NOTE_DM;
  } catch (error) {
    ctx.logger.warn({ err: error, messageId: message.id }, 'could not send the reason of a failed thread question by DM');
    return THREAD_FAILED_NOTE;
  }
}

/** What a thread sees when a question in it could not be answered (the reason is the asker's). */
export const THREAD_FAILED_NOTE_DM = 'I could not answer this question; I sent you the reason in a direct message.';
export const THREAD_FAILED_NOTE = 'I could not answer this question just now. Please try again in a minute.';

/** The question without the bot's mention(s) (`<@id>` or the legacy `<@!id>`). */
function stripMention(content: string, botId: string | undefined): string {
  const withoutBot = botId ? content.replaceAll(`<@${botId}>`, ' ').replaceAll(`<@!${botId}>`, ' ') : content;
  return withoutBot.replace(/\s+/g, ' ').trim();
}
