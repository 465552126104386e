/** A tiny thread for the ThreadPool unit tests: echoes, throws typed errors, crashes, asks its parent. */
import { threadId } from 'node:worker_threads';
import { callParent, serveParent } from '../../src/app/engine-thread/parent-port.ts';

class TopicError extends Error {
  readonly code = 'topic:unknown';
  constructor(message: string) {
    super(message);
    this.name = 'TopicError';
  }
}

const held = new Map<string, number>();

serveParent(
  {
    echo: (value: unknown) => value,
    threadId: () => threadId,
    fail: (message: string) => {
      throw new TopicError(message);
    },
    // An uncaught error outside any call: the thread dies with its calls still open.
    crash: () => {
      setTimeout(() => {
        throw new Error('thread blew up');
      });
      return new Promise(() => {});
    },
    remember: (key: string, value: number) => void held.set(key, value),
    recall: (key: string) => held.get(key),
    askParent: (value: number) => callParent('double', [value]),
    hang: () => new Promise(() => {}),
  },
  { started: true },
);
