import type { PeerUser } from './state.ts';

/** The people (and another bot) in the peer's guild. */
export class PeerUsers {
  /** Server owner with Manage Channels. */
  readonly admin: PeerUser;
  /** Ordinary member: can use commands, cannot manage channels. */
  readonly member: PeerUser;
  /** Another bot in the server, whose messages summit must ignore. */
  readonly otherBot: PeerUser;

  /** People who do not accept direct messages from the bot (Discord answers 50007). */
  readonly closedDms = new Set<string>();

  constructor(ids: { nextId: () => string }) {
    this.admin = { id: ids.nextId(), username: 'ada', bot: false };
    this.member = { id: ids.nextId(), username: 'max', bot: false };
    this.otherBot = { id: ids.nextId(), username: 'newsbot', bot: true };
  }

  byId(id: string): PeerUser | undefined {
    return [this.admin, this.member, this.otherBot].find((u) => u.id === id);
  }
}
