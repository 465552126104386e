import { callSlack } from './errors.ts';
import type { WebClient } from './post.ts';

export interface Permission {
  allowed: boolean;
  /** The member's IANA time zone from their Slack profile, when Slack told us. */
  timeZone?: string;
}

/**
 * Workspace admins and owners (users.info) and the configured allow-list may manage digests.
 * users.info failing means "not allowed" for everyone but the allow-list — never a silent yes.
 */
export async function subscriptionPermission(client: WebClient, userId: string, allowList: string[]): Promise<Permission> {
  const listed = allowList.includes(userId);
  try {
    const { user } = await callSlack('users.info', () => client.users.info({ user: userId }));
    const timeZone = typeof user?.tz === 'string' && user.tz ? user.tz : undefined;
    const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
    return { allowed: listed || admin, ...(timeZone ? { timeZone } : {}) };
  } catch (error) {
    if (listed) return { allowed: true };
    throw error;
  }
}
