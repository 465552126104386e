import { checkBlocks, BLOCK_LIMITS } from './block-kit.ts';
import { PEER_IDS, type PeerChannel, type PeerEphemeral, type PeerMessage } from './state.ts';

type Params = Record<string, unknown>;
type Result = Record<string, unknown>;

/** An `ok: false` answer with Slack's error string (and, for blocks, its details). */
export class SlackFailure extends Error {
  readonly error: string;
  readonly extra: Result;

  constructor(error: string, extra: Result = {}) {
    super(error);
    this.error = error;
    this.extra = extra;
  }
}

/** What a method handler can see of the peer. */
export interface MethodHost {
  channels: Map<string, PeerChannel>;
  users: Map<string, { id: string; name: string; isAdmin: boolean; isOwner: boolean; tz: string }>;
  messages: PeerMessage[];
  ephemerals: PeerEphemeral[];
  nextTs(): string;
  socketModeUrl(): string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function required(params: Params, name: string, error = `invalid_arguments`): string {
  const value = str(params[name]);
  if (value === undefined) throw new SlackFailure(error, { detail: `missing ${name}` });
  return value;
}

/** Parses and checks `blocks` (a JSON string on the form-encoded wire, an array in JSON bodies). */
export function parseBlocks(raw: unknown): unknown[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let blocks: unknown = raw;
  if (typeof raw === 'string') {
    try {
      blocks = JSON.parse(raw);
    } catch {
      throw new SlackFailure('invalid_blocks_format');
    }
  }
  const check = checkBlocks(blocks);
  if (!check.ok) throw new SlackFailure(check.error, { errors: check.problems, response_metadata: { messages: check.problems } });
  return blocks as unknown[];
}

export function messageContent(params: Params): { text: string; blocks?: unknown[] } {
  const blocks = parseBlocks(params.blocks);
  const text = typeof params.text === 'string' ? params.text : '';
  if (!text && !blocks) throw new SlackFailure('no_text');
  if (text.length > BLOCK_LIMITS.messageText) throw new SlackFailure('msg_too_long');
  return blocks ? { text, blocks } : { text };
}

/** The channel as the bot may use it: Slack hides private channels the bot is not in. */
function channelForBot(host: MethodHost, id: string | undefined, write: boolean): PeerChannel {
  const channel = id ? host.channels.get(id) : undefined;
  if (!channel) throw new SlackFailure('channel_not_found');
  const member = channel.members.has(PEER_IDS.botUser);
  if (channel.isPrivate && !member) throw new SlackFailure('channel_not_found');
  if (write && channel.isArchived) throw new SlackFailure('is_archived');
  if (write && !member) throw new SlackFailure('not_in_channel');
  return channel;
}

function wireMessage(m: PeerMessage): Result {
  return {
    type: 'message',
    user: m.user,
    bot_id: PEER_IDS.botId,
    text: m.text,
    ts: m.ts,
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
  };
}

export const METHODS: Record<string, (host: MethodHost, params: Params) => Result> = {
  'auth.test': () => ({
    url: 'https://peer.slack.test/',
    team: 'Peer Workspace',
    user: 'summit',
    team_id: PEER_IDS.team,
    user_id: PEER_IDS.botUser,
    bot_id: PEER_IDS.botId,
    is_enterprise_install: false,
  }),

  'chat.postMessage': (host, params) => {
    const channel = channelForBot(host, str(params.channel), true);
    const content = messageContent(params);
    const threadTs = str(params.thread_ts);
    if (threadTs && !host.messages.some((m) => m.channel === channel.id && m.ts === threadTs)) {
      // Slack would post it as an orphan reply nobody sees; the peer refuses so tests notice.
      throw new SlackFailure('thread_not_found');
    }
    const message: PeerMessage = {
      channel: channel.id,
      ts: host.nextTs(),
      user: PEER_IDS.botUser,
      ...content,
      ...(threadTs ? { threadTs } : {}),
      params,
      history: [],
    };
    host.messages.push(message);
    return { channel: channel.id, ts: message.ts, message: wireMessage(message) };
  },

  // As Slack: the bot must be in the channel and the user a member of it; `thread_ts` puts the
  // ephemeral message in that thread; the answer is `message_ts`, and nothing enters the history.
  'chat.postEphemeral': (host, params) => {
    const channel = channelForBot(host, str(params.channel), true);
    const user = required(params, 'user', 'user_not_found');
    if (!host.users.has(user)) throw new SlackFailure('user_not_found');
    if (!channel.members.has(user)) throw new SlackFailure('user_not_in_channel');
    const content = messageContent(params);
    const threadTs = str(params.thread_ts);
    const ephemeral: PeerEphemeral = { channel: channel.id, user, ts: host.nextTs(), ...content, ...(threadTs ? { threadTs } : {}), params };
    host.ephemerals.push(ephemeral);
    return { message_ts: ephemeral.ts };
  },

  'chat.update': (host, params) => {
    const channel = channelForBot(host, str(params.channel), true);
    const ts = required(params, 'ts', 'message_not_found');
    const message = host.messages.find((m) => m.channel === channel.id && m.ts === ts);
    if (!message) throw new SlackFailure('message_not_found');
    if (message.user !== PEER_IDS.botUser) throw new SlackFailure('cant_update_message');
    const content = messageContent(params);
    message.history.push({ text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    message.text = content.text;
    if (content.blocks) message.blocks = content.blocks;
    else delete message.blocks;
    message.params = params;
    return { channel: channel.id, ts, text: message.text, message: wireMessage(message) };
  },

  'users.info': (host, params) => {
    const user = host.users.get(required(params, 'user', 'user_not_found'));
    if (!user) throw new SlackFailure('user_not_found');
    return {
      user: {
        id: user.id,
        team_id: PEER_IDS.team,
        name: user.name,
        deleted: false,
        is_bot: false,
        tz: user.tz,
        is_admin: user.isAdmin,
        is_owner: user.isOwner,
        is_primary_owner: false,
      },
    };
  },

  'conversations.info': (host, params) => {
    const channel = channelForBot(host, str(params.channel), false);
    return {
      channel: {
        id: channel.id,
        name: channel.name,
        is_channel: !channel.isPrivate,
        is_group: false,
        is_im: false,
        is_private: channel.isPrivate,
        is_archived: channel.isArchived,
        is_member: channel.members.has(PEER_IDS.botUser),
      },
    };
  },

  'apps.connections.open': (host) => {
    const url = host.socketModeUrl();
    if (!url) throw new SlackFailure('internal_error', { detail: 'no socket-mode peer attached' });
    return { url };
  },
};

/** Methods that take the app-level token (xapp-); everything else takes the bot token. */
export const APP_TOKEN_METHODS = new Set(['apps.connections.open']);
