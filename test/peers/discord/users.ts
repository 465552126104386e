import type { PeerUser } from './state.ts';

/** The people (and another bot) in the peer's guild. */
export class PeerUsers {
  /** Server owner with Manage Channels. */
  readonly admin: PeerUser;
  /** Ordinary member: can use commands, cannot manage channels. */
  readonly member: PeerUser;
  /** Another bot in the server, whose messages summit must ignore. */
  readonly otherBot: PeerUser;

  constructor(ids: { nextId: () => string }) {
    this.admin = { id: ids.nextId(), username: 'ada', bot: false };
    this.member = { id: ids.nextId(), username: 'max', bot: false };
    this.otherBot = { id: ids.nextId(), username: 'newsbot', bot: true };
  }
}
