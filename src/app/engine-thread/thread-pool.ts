import { Worker } from 'node:worker_threads';
import { EngineThreadCrashedError, EngineThreadError, EngineThreadsClosedError } from './errors.ts';
import { type FromThread, serializeError, type ToThread } from './protocol.ts';

/** What threads may ask of the parent (`callParent`/`notifyParent` in parent-port.ts). */
export type ParentMethods = Record<string, (...args: never[]) => unknown>;

export interface ThreadPoolOptions {
  /** The thread's entry module; it calls `serveParent`. */
  file: URL;
  size: number;
  workerData?: unknown;
  parentMethods?: ParentMethods;
  /** A thread stopped other than by `close` (logged by the caller); its calls were rejected. */
  onCrash?(index: number, reason: string): void;
}

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: Promise<unknown>;
  /** The uncaught error that is about to stop the thread. */
  error?: Error;
}

/**
 * A fixed number of worker threads, each a single-threaded server of named methods. Calls with the
 * same route always go to the same thread (so what a thread keeps in memory is found again). A
 * thread that stops rejects its calls with EngineThreadCrashedError and is replaced on next use.
 */
export class ThreadPool {
  readonly size: number;
  readonly #options: ThreadPoolOptions;
  readonly #slots: (Slot | undefined)[];
  #lastId = 0;
  #closed = false;

  private constructor(options: ThreadPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`thread count must be at least 1, got ${options.size}`);
    this.size = options.size;
    this.#options = options;
    this.#slots = Array.from({ length: options.size }, () => undefined);
  }

  /** Starts every thread and waits until each is ready; resolves with what each announced. */
  static async start(options: ThreadPoolOptions): Promise<{ pool: ThreadPool; info: unknown[] }> {
    const pool = new ThreadPool(options);
    try {
      const info = await Promise.all(pool.#slots.map((_, i) => pool.#slot(i).ready));
      return { pool, info };
    } catch (error) {
      await pool.close();
      throw error;
    }
  }

  /** Runs `method` on the route's thread. */
  run<T>(route: string, method: string, args: unknown[]): Promise<T> {
    if (this.#closed) return Promise.reject(new EngineThreadsClosedError(method));
    const slot = this.#slot(routeIndex(route, this.size));
    const id = ++this.#lastId;
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject });
      try {
        slot.worker.postMessage({ type: 'run', id, method, args } satisfies ToThread);
      } catch (error) {
        slot.pending.delete(id);
        reject(error as Error);
      }
    });
  }

  /** Stops every thread at once; calls still running are rejected with EngineThreadsClosedError. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot?.worker.terminate()));
  }

  #slot(index: number): Slot {
    const existing = this.#slots[index];
    if (existing) return existing;
    const worker = new Worker(this.#options.file, { workerData: this.#options.workerData });
    let announce: (info: unknown) => void = () => {};
    let fail: (error: Error) => void = () => {};
    const ready = new Promise<unknown>((resolve, reject) => {
      announce = resolve;
      fail = reject;
    });
    ready.catch(() => {}); // a replacement's start failure reaches its callers through `pending`
    const slot: Slot = { worker, pending: new Map(), ready };
    this.#slots[index] = slot;
    worker.on('message', (message: FromThread) => {
      if (message.type === 'ready') announce(message.info);
      else if (message.type === 'done') this.#settle(slot, message);
      else void this.#answerThread(slot, message);
    });
    worker.on('error', (error) => {
      slot.error = error;
    });
    worker.on('exit', (code) => {
      if (this.#slots[index] === slot) this.#slots[index] = undefined;
      const reason = slot.error ? `${slot.error.name}: ${slot.error.message}` : `exit code ${code}`;
      fail(new EngineThreadCrashedError('start', reason));
      for (const call of slot.pending.values()) {
        call.reject(this.#closed ? new EngineThreadsClosedError(call.method) : new EngineThreadCrashedError(call.method, reason));
      }
      slot.pending.clear();
      if (!this.#closed) this.#options.onCrash?.(index, reason);
    });
    return slot;
  }

  #settle(slot: Slot, message: Extract<FromThread, { type: 'done' }>): void {
    const call = slot.pending.get(message.id);
    if (!call) return;
    slot.pending.delete(message.id);
    if (message.ok) call.resolve(message.value);
    else call.reject(new EngineThreadError(message.error));
  }

  async #answerThread(slot: Slot, message: Extract<FromThread, { type: 'call-parent' }>): Promise<void> {
    let reply: ToThread | undefined;
    try {
      const method = this.#options.parentMethods?.[message.method];
      if (!method) throw new Error(`the parent has no method "${message.method}"`);
      const value = await (method as (...args: unknown[]) => unknown)(...message.args);
      if (message.callId !== undefined) reply = { type: 'parent-reply', callId: message.callId, ok: true, value };
    } catch (error) {
      if (message.callId !== undefined) reply = { type: 'parent-reply', callId: message.callId, ok: false, error: serializeError(error) };
    }
    // A thread that stopped meanwhile no longer waits for it.
    if (reply && this.#slots.includes(slot)) slot.worker.postMessage(reply);
  }
}

/** FNV-1a of the route, so one story always lands on the same thread. */
function routeIndex(route: string, size: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < route.length; i++) hash = Math.imul(hash ^ route.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % size;
}
