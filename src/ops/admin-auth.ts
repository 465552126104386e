import type { NextFunction, Request, Response } from 'express';
import { bearerToken, readCookie, tokenMatcher } from './token.ts';

const COOKIE = 'summit_admin';

/**
 * Guards the admin UI with the configured token, given as `Authorization: Bearer <token>` or
 * `?token=<token>`. A good `?token=` sets an HttpOnly cookie scoped to the admin path, because
 * Bull Board's own page then loads scripts and calls its API without the query string.
 */
export function requireAdminToken(token: string, path: string) {
  const matches = tokenMatcher(token);

  return (req: Request, res: Response, next: NextFunction) => {
    const query = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (matches(bearerToken(req)) || matches(readCookie(req, COOKIE))) return next();
    if (matches(query)) {
      res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path, secure: req.secure });
      return next();
    }
    res.set('WWW-Authenticate', 'Bearer realm="summit admin"').status(401).json({ error: 'admin token required' });
  };
}
