/** The workspace a Slack peer pretends to be: channels, members, messages, and what was asked of it. */
export interface PeerChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  members: Set<string>;
}

export interface PeerUser {
  id: string;
  name: string;
  isAdmin: boolean;
  isOwner: boolean;
  tz: string;
}

export interface PeerMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  /** Who posted it (the bot's user id for everything the app sends). */
  user: string;
  text: string;
  blocks?: unknown[];
  /** The request's parameters as Slack received them (parse, link_names, …). */
  params: Record<string, unknown>;
  /** Earlier versions, oldest first, when chat.update replaced it. */
  history: { text: string; blocks?: unknown[] }[];
}

/** A chat.postEphemeral: shown only to `user`, never part of the channel's history. */
export interface PeerEphemeral {
  channel: string;
  user: string;
  /** The ts Slack returns as `message_ts`; the message itself cannot be fetched or updated. */
  ts: string;
  threadTs?: string;
  text: string;
  blocks?: unknown[];
  params: Record<string, unknown>;
}

export interface PeerCall {
  method: string;
  params: Record<string, unknown>;
  token?: string;
  status: number;
  ok: boolean;
  error?: string;
  at: number;
}

/** A POST to a response_url the peer handed out with a command or an interaction. */
export interface ResponsePost {
  responseUrl: string;
  channel: string;
  user: string;
  body: Record<string, unknown>;
  at: number;
}

export type Failure = { error: string } | { status: 429; retryAfter: number };

export const PEER_IDS = {
  team: 'T0PEER',
  appId: 'A0SUMMIT',
  botUser: 'U0BOT',
  botId: 'B0BOT',
  /** A public channel the bot is in. */
  general: 'C0GENERAL',
  /** A public channel the bot is not in. */
  random: 'C0RANDOM',
  /** A private channel the bot is not in. */
  secret: 'G0SECRET',
  archived: 'C0ARCHIVED',
  admin: 'U0ADMIN',
  alice: 'U0ALICE',
  bob: 'U0BOB',
} as const;

export function defaultChannels(): PeerChannel[] {
  const everyone = [PEER_IDS.admin, PEER_IDS.alice, PEER_IDS.bob];
  return [
    { id: PEER_IDS.general, name: 'general', isPrivate: false, isArchived: false, members: new Set([...everyone, PEER_IDS.botUser]) },
    { id: PEER_IDS.random, name: 'random', isPrivate: false, isArchived: false, members: new Set(everyone) },
    { id: PEER_IDS.secret, name: 'secret', isPrivate: true, isArchived: false, members: new Set(everyone) },
    { id: PEER_IDS.archived, name: 'old', isPrivate: false, isArchived: true, members: new Set([...everyone, PEER_IDS.botUser]) },
  ];
}

export function defaultUsers(): PeerUser[] {
  return [
    { id: PEER_IDS.admin, name: 'ada', isAdmin: true, isOwner: false, tz: 'Europe/Berlin' },
    { id: PEER_IDS.alice, name: 'alice', isAdmin: false, isOwner: false, tz: 'America/New_York' },
    { id: PEER_IDS.bob, name: 'bob', isAdmin: false, isOwner: false, tz: 'Asia/Tokyo' },
  ];
}
