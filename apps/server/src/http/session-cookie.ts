import type { Request, Response } from 'express';
import type { SessionCookie } from '../trpc/context';

export interface CookiePolicy {
  isProduction: boolean;
}

// __Host- binds the cookie to exactly this origin (no Domain, Path=/, Secure): a sibling
// subdomain cannot set or read it.
export function sessionCookieName({ isProduction }: CookiePolicy): string {
  return isProduction ? '__Host-harbour_session' : 'harbour_session';
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}

export function sessionCookieFor(req: Request, res: Response, policy: CookiePolicy): SessionCookie {
  const name = sessionCookieName(policy);
  const base = { httpOnly: true, sameSite: 'strict', secure: policy.isProduction, path: '/' } as const;
  return {
    currentToken: readCookie(req.headers.cookie, name),
    set: (token, expiresAt) => res.cookie(name, token, { ...base, expires: expiresAt }),
    clear: () => res.clearCookie(name, base),
  };
}
