import type { SlackMessage } from '../render/blocks.ts';
import type { WebClient } from '../post.ts';

export interface CommandRequest {
  team: string;
  channel: string;
  user: string;
}

/** A reply through the command's response_url (works even where the bot is not a member). */
export interface Reply extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
}

export interface CommandIO {
  client: WebClient;
  /** Never throws: a failed response_url post is logged by the listener. */
  respond: (reply: Reply) => Promise<void>;
}

export const ephemeral = (message: SlackMessage): Reply => ({ response_type: 'ephemeral', ...message });
export const inChannel = (message: SlackMessage): Reply => ({ response_type: 'in_channel', ...message });
