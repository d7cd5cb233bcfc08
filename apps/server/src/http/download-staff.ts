import { can, type Permission } from '@harbour/shared/permissions';
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../actor';
import type { Database } from '../db/database';
import { resolveSession } from '../features/sessions/sessions.service';
import { sessionCookieFor } from './session-cookie';

/**
 * The signed-in member of staff allowed this download (a plain GET, outside tRPC); otherwise
 * the refusal (401 not signed in, 403 not allowed) is sent and null returned.
 */
export async function staffForDownload(
  db: Kysely<Database>,
  req: Request,
  res: Response,
  rule: { isProduction: boolean; permission: Permission; signInMessage: string; refusal: string },
) {
  const cookie = sessionCookieFor(req, res, { isProduction: rule.isProduction });
  const session = cookie.currentToken ? await resolveSession(db, cookie.currentToken) : null;
  if (!session) {
    res.status(401).json({ error: rule.signInMessage });
    return null;
  }
  if (!can(session.user.role, rule.permission)) {
    res.status(403).json({ error: rule.refusal });
    return null;
  }
  return { ...session.user, actor: { userId: session.user.id, role: session.user.role, requestId: String(req.id) } satisfies StaffActor };
}
