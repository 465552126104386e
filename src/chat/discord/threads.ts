import { RESTJSONErrorCodes } from 'discord.js';
import { startThreadOnMessage } from './channel-messages.ts';
import type { DiscordContext } from './context.ts';
import { isDiscordError } from './errors.ts';

/** summit's platform-namespaced id of a Discord channel or thread (threads are channels there). */
export const threadKey = (channelId: string) => `discord:${channelId}`;

/** The Discord channel id inside a thread key, or undefined when the key is not Discord's. */
export function channelOfThreadKey(key: string): string | undefined {
  return /^discord:(\d+)$/.exec(key)?.[1];
}

export interface QuestionThreadRequest {
  channelId: string;
  messageId: string;
  /** The message was posted inside a thread already (threads cannot nest): follow-ups go there. */
  inThread: boolean;
  name: string;
}

export interface LinkedThreadRequest extends QuestionThreadRequest {
  storyId: string;
  briefingId?: string;
}

/**
 * Starts a thread for questions on a posted briefing or digest; returns its thread key. When
 * the bot may not create threads in the channel, questions that mention it in the channel
 * itself are answered instead (logged), rather than failing a message that was delivered.
 */
export async function startQuestionThread(ctx: Pick<DiscordContext, 'rest' | 'logger'>, request: QuestionThreadRequest): Promise<string> {
  if (request.inThread) return threadKey(request.channelId);
  try {
    return threadKey(await startThreadOnMessage(ctx.rest, request.channelId, request.messageId, request.name.replace(/\s+/g, ' ')));
  } catch (error) {
    if (!isDiscordError(error, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess)) throw error;
    ctx.logger.warn(
      { channelId: request.channelId, messageId: request.messageId, code: error.code },
      'cannot create a thread here (grant Create Public Threads); answering mentions in the channel instead',
    );
    return threadKey(request.channelId);
  }
}

/** Starts the question thread and links it to the story, so follow-ups there are answered from it. */
export async function openQuestionThread(ctx: Pick<DiscordContext, 'rest' | 'logger' | 'service'>, request: LinkedThreadRequest): Promise<string> {
  const threadId = await startQuestionThread(ctx, request);
  await ctx.service.linkThread({
    threadId,
    storyId: request.storyId,
    ...(request.briefingId ? { briefingId: request.briefingId } : {}),
  });
  return threadId;
}
