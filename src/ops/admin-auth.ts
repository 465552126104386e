import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const COOKIE = 'summit_admin';

/**
 * Guards the admin UI with the configured token, given as `Authorization: Bearer <token>` or
 * `?token=<token>`. A good `?token=` sets an HttpOnly cookie scoped to the admin path, because
 * Bull Board's own page then loads scripts and calls its API without the query string.
 */
export function requireAdminToken(token: string, path: string) {
  const expected = digest(token);
  const matches = (candidate: string | undefined) => candidate !== undefined && timingSafeEqual(digest(candidate), expected);

  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const query = typeof req.query.token === 'string' ? req.query.token : undefined;
    const cookie = readCookie(req.get('cookie'), COOKIE);
    if (matches(bearer) || matches(cookie)) return next();
    if (matches(query)) {
      res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path, secure: req.secure });
      return next();
    }
    res.set('WWW-Authenticate', 'Bearer realm="summit admin"').status(401).json({ error: 'admin token required' });
  };
}

/** Comparing fixed-length digests keeps timingSafeEqual from leaking the token's length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
