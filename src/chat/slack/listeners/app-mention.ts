import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { answerInThread, answerMention, questionFromText } from '../followup.ts';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/**
 * @summit in a thread it opened answers there (the same message may also arrive as a `message`
 * event: the shared dedupe key makes one answer); @summit at the top level starts a thread.
 */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context }: MentionArgs) => {
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    if (!(await deps.dedupe.claim(`message:${event.channel}:${event.ts}`))) return;
    const question = questionFromText(event.text, context.botUserId);
    if (event.thread_ts && event.thread_ts !== event.ts) {
      await answerInThread(deps, client, { channel: event.channel, threadTs: event.thread_ts, user: event.user }, question);
    } else {
      await answerMention(deps, client, { team: context.teamId ?? event.team ?? '', channel: event.channel, ts: event.ts, user: event.user }, question);
    }
  };
}
