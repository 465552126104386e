import { SlackApiError } from './errors.ts';
import { escapeMrkdwn, truncate } from './render/mrkdwn.ts';

/** What a person is told when Slack refuses a post; the log gets the details. */
export function slackFailureMessage(error: unknown, what: string): string {
  if (!(error instanceof SlackApiError)) return `Sorry, I couldn’t post ${what} just now. Please try again in a minute.`;
  switch (error.code) {
    case 'slack:not_in_channel':
      return `I’m not a member of this channel, so I can’t post ${what} here. Invite me with \`/invite @summit\`, then run the command again.`;
    case 'slack:channel_not_found':
      return `I can’t post in this conversation: it is private or a direct message I’m not part of. Invite me with \`/invite @summit\` (in a channel), then run the command again.`;
    case 'slack:is_archived':
      return 'This channel is archived, so I can’t post in it.';
    case 'slack:auth':
      return 'Slack rejected my token (it may have been revoked). Ask a workspace admin to reinstall summit.';
    case 'slack:rate_limited':
      return `Slack is rate-limiting me right now, so ${what} wasn’t posted. Please try again in a minute.`;
    default:
      return `Slack didn’t accept ${what} (\`${error.slackError}\`). Please try again in a minute.`;
  }
}

const SERVICE_FAILURE = 'Sorry, something went wrong on my side. Please try again in a minute.';

/** Service errors whose message is written for the person in chat (see src/app/service-errors.ts). */
const USER_FACING = /^(topic|story|subscription|question|queue):/;

/** What a person is told when the summit service fails: its own words when meant for them. */
export function serviceFailureMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && USER_FACING.test(code) && error instanceof Error) {
    return `Sorry: ${escapeMrkdwn(truncate(error.message, 500))}`;
  }
  return SERVICE_FAILURE;
}
