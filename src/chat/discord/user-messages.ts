import { RESTJSONErrorCodes } from 'discord.js';

/** Codes of typed errors whose message is written for the person in chat (see app/service-errors.ts). */
const USER_FACING = new Set([
  'topic:unknown',
  'subscription:invalid',
  'question:invalid',
  'queue:timeout',
  'queue:job-failed',
  'story:not-found',
  'story:empty',
  'story:invalid',
]);

/** What a person sees: typed errors get their own sentence, the rest a generic one (details are logged). */
export function userMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && USER_FACING.has(code) && error instanceof Error) {
    return `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`.replace(/\.\.$/, '.');
  }
  if (code === 'story:unknown') return 'This channel follows a story summit does not know. Ask an admin to subscribe it again.';
  if (code === RESTJSONErrorCodes.MissingAccess) return 'I cannot see this channel. Ask an admin to give me View Channel and Send Messages here.';
  if (code === RESTJSONErrorCodes.MissingPermissions) {
    return 'I lack a permission here (Send Messages, Embed Links or Create Public Threads). Ask an admin to grant it.';
  }
  return 'Sorry, summit could not do that just now. The error was logged; please try again in a minute.';
}
