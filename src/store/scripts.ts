import { readFileSync } from 'node:fs';
import type { RedisClient } from './redis-client.ts';

const SCRIPTS = {
  addArticles: { file: 'add-articles.lua', keys: 3 },
  digestClaimDay: { file: 'digest-claim-day.lua', keys: 1 },
  digestBeginPosting: { file: 'digest-begin-posting.lua', keys: 1 },
  digestAbortPosting: { file: 'digest-abort-posting.lua', keys: 1 },
  digestCommit: { file: 'digest-commit.lua', keys: 5 },
  appendTurn: { file: 'append-turn.lua', keys: 3 },
} as const;

export type ScriptName = keyof typeof SCRIPTS;

const sources = new Map<ScriptName, string>();

function source(name: ScriptName): string {
  let lua = sources.get(name);
  if (lua === undefined) {
    lua = readFileSync(new URL(`./lua/${SCRIPTS[name].file}`, import.meta.url), 'utf8');
    sources.set(name, lua);
  }
  return lua;
}

/**
 * Runs one of the store's Lua scripts (plain files in ./lua). ioredis's defineCommand sends
 * EVALSHA and falls back to EVAL, so a restarted Redis that lost its script cache still works.
 */
export function runScript(redis: RedisClient, name: ScriptName, keys: string[], args: (string | number)[]): Promise<unknown> {
  const command = `summit_${name}`;
  const commands = redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>;
  if (typeof commands[command] !== 'function') {
    redis.defineCommand(command, { numberOfKeys: SCRIPTS[name].keys, lua: source(name) });
  }
  if (keys.length !== SCRIPTS[name].keys) throw new Error(`${name} takes ${SCRIPTS[name].keys} keys`);
  return (commands[command] as (...a: (string | number)[]) => Promise<unknown>).call(redis, ...keys, ...args);
}
