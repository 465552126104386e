import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** A constant-time check of candidates against `token`. */
export function tokenMatcher(token: string): (candidate: string | undefined) => boolean {
  const expected = digest(token);
  return (candidate) => candidate !== undefined && timingSafeEqual(digest(candidate), expected);
}

/** Comparing fixed-length digests keeps timingSafeEqual from leaking the token's length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** A cookie's value; undefined when absent or not decodable. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of req.get('cookie')?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
