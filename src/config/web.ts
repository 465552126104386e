import { z } from 'zod';
import { blankAsUnset, ConfigError, parseEnv } from './parse-env.ts';

const WebEnvSchema = z.object({
  WEB_PORT: blankAsUnset(z.coerce.number().int().min(0).max(65535).default(8080)),
  WEB_HOST: blankAsUnset(z.string().default('0.0.0.0')),
  /**
   * Guards briefing and article pages and /metrics. Long and random: it is the key to every
   * story's pages (and travels in PUBLIC_BASE_URL as `/t/<token>`, so only URL-safe characters).
   */
  WEB_ACCESS_TOKEN: blankAsUnset(
    z
      .string()
      .min(24, 'must be at least 24 characters (e.g. `openssl rand -hex 24`)')
      .regex(/^[A-Za-z0-9_.~-]+$/, 'letters, digits, "_", "-", ".", "~" only (it becomes part of URLs)')
      .optional(),
  ),
  /** true: pages without any token (every story is public). Must be chosen explicitly. */
  WEB_PUBLIC: blankAsUnset(z.enum(['true', 'false']).default('false')),
});

export interface WebConfig {
  port: number;
  host: string;
  /** Undefined exactly when the pages are public. */
  accessToken?: string;
}

/**
 * Reads the web settings once. Ids in page URLs come from article content, so they are not
 * secret: the pages need WEB_ACCESS_TOKEN, or an explicit WEB_PUBLIC=true — never silently open.
 */
export function loadWebConfig(env: Record<string, string | undefined>): WebConfig {
  const e = parseEnv(WebEnvSchema, env);
  const open = e.WEB_PUBLIC === 'true';
  if (!e.WEB_ACCESS_TOKEN && !open) {
    throw new ConfigError([{ variable: 'WEB_ACCESS_TOKEN', message: 'required (or set WEB_PUBLIC=true to serve every story to anyone with a link)' }]);
  }
  if (e.WEB_ACCESS_TOKEN && open) {
    throw new ConfigError([{ variable: 'WEB_PUBLIC', message: 'true contradicts WEB_ACCESS_TOKEN; set one of them' }]);
  }
  return { port: e.WEB_PORT, host: e.WEB_HOST, ...(e.WEB_ACCESS_TOKEN ? { accessToken: e.WEB_ACCESS_TOKEN } : {}) };
}
