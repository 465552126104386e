import { parentPort } from 'node:worker_threads';
import { EngineThreadError } from './errors.ts';
import { type FromThread, serializeError, type ToThread } from './protocol.ts';

/** A result to send with a transfer list (its ArrayBuffers move to the parent instead of being copied). */
export class Transfer<T> {
  readonly value: T;
  readonly list: ArrayBuffer[];

  constructor(value: T, list: ArrayBuffer[]) {
    this.value = value;
    this.list = list;
  }
}

type Method = (...args: never[]) => unknown;

const port = () => {
  if (!parentPort) throw new Error('parent-port.ts runs only inside a worker thread');
  return parentPort;
};
const post = (message: FromThread, transfer: ArrayBuffer[] = []) => port().postMessage(message, transfer);

const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
let lastCallId = 0;

/** Thread side of ThreadPool: runs the parent's calls with `methods` and announces itself ready. */
export function serveParent(methods: Record<string, Method>, info: unknown): void {
  port().on('message', (message: ToThread) => {
    if (message.type === 'parent-reply') {
      const call = waiting.get(message.callId);
      waiting.delete(message.callId);
      if (message.ok) call?.resolve(message.value);
      else call?.reject(new EngineThreadError(message.error));
      return;
    }
    void run(methods, message);
  });
  post({ type: 'ready', info });
}

async function run(methods: Record<string, Method>, message: Extract<ToThread, { type: 'run' }>): Promise<void> {
  try {
    const method = methods[message.method];
    if (!method) throw new Error(`the thread has no method "${message.method}"`);
    const value = await (method as (...args: unknown[]) => unknown)(...message.args);
    if (value instanceof Transfer) post({ type: 'done', id: message.id, ok: true, value: value.value }, value.list);
    else post({ type: 'done', id: message.id, ok: true, value });
  } catch (error) {
    post({ type: 'done', id: message.id, ok: false, error: serializeError(error) });
  }
}

/** Asks the parent thread (e.g. for a network call that stays there); rejects with an EngineThreadError. */
export function callParent(method: string, args: unknown[]): Promise<unknown> {
  const callId = ++lastCallId;
  return new Promise((resolve, reject) => {
    waiting.set(callId, { resolve, reject });
    post({ type: 'call-parent', callId, method, args });
  });
}

/** Tells the parent something (a log line, a metric) without waiting; never throws. */
export function notifyParent(method: string, args: unknown[]): void {
  try {
    post({ type: 'call-parent', method, args });
  } catch {
    // An argument that cannot be cloned: losing one log line beats failing the engine call.
  }
}
