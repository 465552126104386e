/** Messages between the worker's loop and its engine threads (structured-cloned by postMessage). */

/** An error as it crosses a thread boundary: its class name, message and the fields callers branch on. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  usage?: object;
  stack?: string;
}

export type ToThread =
  | { type: 'run'; id: number; method: string; args: unknown[] }
  | { type: 'parent-reply'; callId: number; ok: true; value: unknown }
  | { type: 'parent-reply'; callId: number; ok: false; error: SerializedError };

export type FromThread =
  /** Sent once the thread has built what it serves; `info` describes it (e.g. the engine's identity). */
  | { type: 'ready'; info: unknown }
  | { type: 'done'; id: number; ok: true; value: unknown }
  | { type: 'done'; id: number; ok: false; error: SerializedError }
  /** The thread asks the parent; without `callId` no reply is wanted (logs, metrics). */
  | { type: 'call-parent'; callId?: number; method: string; args: unknown[] };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, usage } = error as { code?: unknown; usage?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(usage !== null && typeof usage === 'object' ? { usage } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
