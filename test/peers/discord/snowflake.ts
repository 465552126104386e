import { DISCORD_EPOCH } from './constants.ts';

/** Snowflakes as Discord makes them: milliseconds since 2015 shifted left 22 bits, plus a counter. */
export function snowflakeFactory(now: () => number) {
  let increment = 0n;
  return (at = now()): string => {
    increment = (increment + 1n) & 0xfffn;
    return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
  };
}

export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
