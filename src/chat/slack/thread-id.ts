/** Platform-namespaced thread ids: `slack:<channel id>:<ts of the thread's first message>`. */
export function slackThreadId(channel: string, ts: string): string {
  return `slack:${channel}:${ts}`;
}

export function parseSlackThreadId(threadId: string): { channel: string; ts: string } | undefined {
  const match = /^slack:([A-Z0-9]+):(\d+\.\d+)$/.exec(threadId);
  return match ? { channel: match[1] as string, ts: match[2] as string } : undefined;
}
