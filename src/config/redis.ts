import { z } from 'zod';
import { blankAsUnset, ConfigError, flag, parseEnv } from './parse-env.ts';

export interface HostPort {
  host: string;
  port: number;
}

/** Credentials and TLS for cluster and Sentinel nodes (a single server takes them in its URL). */
export interface RedisAuth {
  username?: string;
  password?: string;
  tls: boolean;
}

/** Where Redis is: one server (URL), a Sentinel-managed primary, or a Redis Cluster. */
export type RedisTarget =
  | { kind: 'server'; url: string }
  | { kind: 'sentinel'; sentinels: HostPort[]; masterName: string; sentinelPassword?: string; auth: RedisAuth }
  | { kind: 'cluster'; nodes: HostPort[]; auth: RedisAuth };

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;

/** `host:port,host:port` (IPv6 in brackets: `[::1]:7000`), at least one, ports 1–65535, no repeats. */
const hostPortList = z.string().transform((value, ctx): HostPort[] => {
  const nodes: HostPort[] = [];
  for (const item of value.split(',').map((s) => s.trim())) {
    const match = HOST_PORT.exec(item);
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65535) {
      ctx.addIssue({ code: 'custom', message: `"${item}" is not host:port (e.g. 10.0.0.5:6379, [::1]:7000)` });
      return z.NEVER;
    }
    const host = (match[1] ?? match[2]) as string;
    if (nodes.some((n) => n.host === host && n.port === port)) {
      ctx.addIssue({ code: 'custom', message: `${item} is listed twice` });
      return z.NEVER;
    }
    nodes.push({ host, port });
  }
  return nodes;
});

export const RedisEnvSchema = z.object({
  REDIS_URL: blankAsUnset(z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional()),
  REDIS_CLUSTER_NODES: blankAsUnset(hostPortList.optional()),
  REDIS_SENTINELS: blankAsUnset(hostPortList.optional()),
  REDIS_SENTINEL_NAME: blankAsUnset(
    z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-", "." only (max 64)').optional(),
  ),
  REDIS_USERNAME: blankAsUnset(z.string().optional()),
  REDIS_PASSWORD: blankAsUnset(z.string().optional()),
  REDIS_SENTINEL_PASSWORD: blankAsUnset(z.string().optional()),
  REDIS_TLS: blankAsUnset(flag.optional()),
});

type RedisEnv = z.infer<typeof RedisEnvSchema>;

/**
 * Reads where Redis is, once at start-up: exactly one of REDIS_URL, REDIS_CLUSTER_NODES or
 * REDIS_SENTINELS (+ REDIS_SENTINEL_NAME); none means the local default URL. Throws ConfigError.
 */
export function loadRedisTarget(env: Record<string, string | undefined>): RedisTarget {
  const e = parseEnv(RedisEnvSchema, env);
  const problems = targetProblems(e);
  if (problems.length > 0) throw new ConfigError(problems);
  const auth: RedisAuth = {
    ...(e.REDIS_USERNAME ? { username: e.REDIS_USERNAME } : {}),
    ...(e.REDIS_PASSWORD ? { password: e.REDIS_PASSWORD } : {}),
    tls: e.REDIS_TLS ?? false,
  };
  if (e.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: e.REDIS_CLUSTER_NODES, auth };
  if (e.REDIS_SENTINELS) {
    return {
      kind: 'sentinel',
      sentinels: e.REDIS_SENTINELS,
      masterName: e.REDIS_SENTINEL_NAME as string,
      ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
      auth,
    };
  }
  return { kind: 'server', url: e.REDIS_URL ?? DEFAULT_REDIS_URL };
}

function targetProblems(e: RedisEnv): { variable: string; message: string }[] {
  const given = (['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'] as const).filter((name) => e[name] !== undefined);
  if (given.length > 1) {
    return given.map((variable) => ({
      variable,
      message: `set only one of REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS (got ${given.join(' and ')})`,
    }));
  }
  const problems: { variable: string; message: string }[] = [];
  if (e.REDIS_SENTINELS && !e.REDIS_SENTINEL_NAME) {
    problems.push({ variable: 'REDIS_SENTINEL_NAME', message: 'required with REDIS_SENTINELS (the monitored primary\'s name, e.g. mymaster)' });
  }
  if (!e.REDIS_SENTINELS) {
    for (const variable of ['REDIS_SENTINEL_NAME', 'REDIS_SENTINEL_PASSWORD'] as const) {
      if (e[variable] !== undefined) problems.push({ variable, message: 'only used with REDIS_SENTINELS' });
    }
  }
  if (!e.REDIS_SENTINELS && !e.REDIS_CLUSTER_NODES) {
    for (const variable of ['REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_TLS'] as const) {
      if (e[variable] !== undefined) {
        problems.push({ variable, message: 'only used with REDIS_CLUSTER_NODES or REDIS_SENTINELS; with REDIS_URL put it in the URL (rediss://user:password@host:port)' });
      }
    }
  }
  return problems;
}

/** A short description for logs and the bench (never credentials). */
export function describeRedisTarget(target: RedisTarget): string {
  const list = (nodes: HostPort[]) => nodes.map((n) => `${n.host}:${n.port}`).join(',');
  if (target.kind === 'cluster') return `cluster ${list(target.nodes)}`;
  if (target.kind === 'sentinel') return `sentinel ${target.masterName}@${list(target.sentinels)}`;
  const url = new URL(target.url);
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
