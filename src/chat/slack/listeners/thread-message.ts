import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { answerInThread, questionFromText } from '../followup.ts';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Someone else is being addressed: the reply mentions people, but not the bot. */
function addressedToOthers(text: string, botUserId: string | undefined): boolean {
  const mentions = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]);
  return mentions.length > 0 && !mentions.includes(botUserId);
}

/**
 * A reply in a thread summit opened is a follow-up question. Edits, joins, bot posts (our own
 * included) and thread parents are ignored; each user message is answered at most once, however
 * often Slack delivers it (retries, or as both `message` and `app_mention`).
 */
export function threadMessage(deps: SlackDeps) {
  return async ({ event, client, context }: MessageArgs) => {
    if (event.subtype !== undefined || event.bot_id) return;
    const threadTs = event.thread_ts;
    if (!threadTs || threadTs === event.ts || event.user === context.botUserId) return;
    const text = event.text ?? '';
    if (addressedToOthers(text, context.botUserId)) return;
    if (!(await deps.dedupe.claim(`message:${event.channel}:${event.ts}`))) return;
    await answerInThread(deps, client, { channel: event.channel, threadTs, user: event.user }, questionFromText(text, context.botUserId));
  };
}
