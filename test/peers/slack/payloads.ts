/**
 * Request payloads exactly as Slack sends them, shared by the HTTP sender (signed form/JSON
 * bodies) and the Socket Mode peer (envelopes).
 */
import { randomBytes } from 'node:crypto';
import { PEER_IDS } from './state.ts';

const id = (prefix: string) => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;

/** The fields of a slash command (form-encoded over HTTP, an object in Socket Mode). */
export function slashCommandPayload(options: {
  text: string;
  channel: string;
  user: string;
  responseUrl: string;
  command?: string;
  /** Another workspace served by the same deployment (default the peer's). */
  team?: string;
}): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: options.team ?? PEER_IDS.team,
    team_domain: 'peer',
    channel_id: options.channel,
    channel_name: 'general',
    user_id: options.user,
    user_name: 'someone',
    command: options.command ?? '/summit',
    text: options.text,
    api_app_id: PEER_IDS.appId,
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: `${Date.now()}.${id('')}`,
  };
}

export interface UserMessage {
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
}

/** An Events API `event_callback` wrapping one event. */
export function eventCallback(event: Record<string, unknown>, eventId = id('Ev')): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: PEER_IDS.team,
    api_app_id: PEER_IDS.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: PEER_IDS.team, user_id: PEER_IDS.botUser, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A user's message as the `message` event (message.channels) delivers it. */
export function messageEvent(m: UserMessage): Record<string, unknown> {
  return {
    type: 'message',
    channel: m.channel,
    user: m.user,
    text: m.text,
    ts: m.ts,
    ...(m.threadTs ? { thread_ts: m.threadTs, parent_user_id: PEER_IDS.botUser } : {}),
    event_ts: m.ts,
    channel_type: 'channel',
    team: PEER_IDS.team,
  };
}

/** The same message as `app_mention`, which Slack sends too when it mentions the bot. */
export function appMentionEvent(m: UserMessage): Record<string, unknown> {
  return {
    type: 'app_mention',
    channel: m.channel,
    user: m.user,
    text: m.text,
    ts: m.ts,
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    event_ts: m.ts,
    team: PEER_IDS.team,
  };
}

/** A `block_actions` interaction: a button pressed on a message. */
export function blockActionsPayload(options: {
  channel: string;
  user: string;
  message: { ts: string; text: string; blocks?: unknown[] };
  actionId: string;
  blockId: string;
  value: string;
  responseUrl: string;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: options.user, username: 'someone', name: 'someone', team_id: PEER_IDS.team },
    api_app_id: PEER_IDS.appId,
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: options.message.ts, channel_id: options.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.${id('')}`,
    team: { id: PEER_IDS.team, domain: 'peer' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: options.channel, name: 'general' },
    message: { type: 'message', user: PEER_IDS.botUser, bot_id: PEER_IDS.botId, ...options.message },
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        action_id: options.actionId,
        block_id: options.blockId,
        text: { type: 'plain_text', text: 'button', emoji: false },
        value: options.value,
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}
