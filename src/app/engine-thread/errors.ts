import type { SerializedError } from './protocol.ts';

/** An error thrown on the other side of a thread boundary, with its message; `remoteName` is its class. */
export class EngineThreadError extends Error {
  readonly remoteName: string;
  readonly code: string | undefined;
  readonly remote: SerializedError;

  constructor(remote: SerializedError) {
    super(remote.message);
    this.name = 'EngineThreadError';
    this.remoteName = remote.name;
    this.code = remote.code;
    this.remote = remote;
  }
}

/** The engine thread running a call stopped (uncaught error, out of memory, exit); it is replaced on next use. */
export class EngineThreadCrashedError extends Error {
  constructor(method: string, reason: string) {
    super(`the engine thread stopped while running "${method}" (${reason}); a new thread takes the next call`);
    this.name = 'EngineThreadCrashedError';
  }
}

/** A call after (or cut short by) closing the engine threads on shutdown. */
export class EngineThreadsClosedError extends Error {
  constructor(method: string) {
    super(`the engine threads are closed; "${method}" did not run`);
    this.name = 'EngineThreadsClosedError';
  }
}
