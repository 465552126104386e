import type { NextFunction, Request, Response } from 'express';
import { bearerToken, readCookie, tokenMatcher } from '../ops/token.ts';
import { messagePage } from './pages/layout.ts';

const COOKIE = 'summit_web';
/** Pages are also served under `/t/<token>/…`, so PUBLIC_BASE_URL can carry the token into chat links. */
export const TOKEN_PATH = '/t/:token';

/**
 * Access to story pages with WEB_ACCESS_TOKEN: `Authorization: Bearer`, `?token=`, the path
 * prefix `/t/<token>`, or the cookie a good token sets (HttpOnly, SameSite=Lax so links
 * opened from Slack or Discord carry it). Without a token configured (WEB_PUBLIC=true) every
 * page is open. `res.locals.base` tells pages which prefix their site links must keep.
 */
export function accessControl(token: string | undefined) {
  const matches = token === undefined ? () => false : tokenMatcher(token);

  const remember = (req: Request, res: Response) => {
    const secure = req.secure || req.get('x-forwarded-proto') === 'https';
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 30 * 86_400_000 });
  };

  /** For routes mounted under TOKEN_PATH. */
  const pathToken = (req: Request, res: Response, next: NextFunction) => {
    const given = req.params.token;
    if (!matches(typeof given === 'string' ? given : undefined)) return refuse(res);
    if (readCookie(req, COOKIE) !== token) remember(req, res);
    res.locals.base = `/t/${encodeURIComponent(token as string)}`;
    next();
  };

  const requireToken = (req: Request, res: Response, next: NextFunction) => {
    res.locals.base = '';
    if (token === undefined) return next();
    if (matches(bearerToken(req)) || matches(readCookie(req, COOKIE))) return next();
    if (matches(typeof req.query.token === 'string' ? req.query.token : undefined)) {
      remember(req, res);
      return next();
    }
    refuse(res);
  };

  return { pathToken, requireToken };
}

function refuse(res: Response) {
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer realm="summit"')
    .type('html')
    .send(messagePage('This page is private', 'Open it from the link summit posted in your chat, or ask whoever runs summit for access.').value);
}
