// Sessions kept on the server: a signed-in browser (the desk's own pages, through next-auth) or a
// storefront signing its shoppers in (osessionid) holds a random token; the row behind it says
// who it is and whether it is still live. Ending a session — sign-out, a disabled account, a
// changed password — takes effect on the very next request, on every instance.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users, type Session, type User } from "@/db/schema";

/** How long a session lives (the next-auth cookie lives as long). */
export const SESSION_TTL_SECONDS = 60 * 60 * 12;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token of letters and digits only: storefronts extract it with /osessionid=\w+/. */
const newToken = () => randomBytes(24).toString("hex");

export interface StartSession {
  userId: number;
  kind: Session["kind"];
  ttlSeconds?: number;
  ip?: string | null;
  userAgent?: string | null;
}

/** A new live session; the token is returned once and only its hash is stored. */
export async function startSession(db: Db, input: StartSession): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId: input.userId,
      kind: input.kind,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + (input.ttlSeconds ?? SESSION_TTL_SECONDS) * 1000),
    })
    .returning();
  // Expired and ended sessions are of no use to anyone: clear old ones as new ones start.
  await db.delete(sessions).where(or(lt(sessions.expiresAt, sql`now() - interval '1 day'`), lt(sessions.revokedAt, sql`now() - interval '1 day'`)));
  return { token, session: session! };
}

/** The live session behind a token and its active user, in one statement; undefined when ended, expired or disabled. */
export async function findSessionUser(db: Db, token: string | null | undefined, kind?: Session["kind"]): Promise<{ session: Session; user: User } | undefined> {
  if (!token || !/^[0-9a-f]{48}$/.test(token)) return undefined;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
        kind ? eq(sessions.kind, kind) : undefined,
      ),
    )
    .limit(1);
  if (!row) return undefined;
  // When it was last used, at most once a minute (a read should stay a read).
  if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.session.id));
  }
  return row;
}

/** Ends the session behind a token (sign-out). */
export async function endSession(db: Db, token: string | null | undefined): Promise<boolean> {
  if (!token) return false;
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of a user (disabled, password changed), except `keepToken`'s. Returns how many. */
export async function endUserSessions(db: Db, input: { userId: number; keepToken?: string | null }): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, input.userId), isNull(sessions.revokedAt), input.keepToken ? ne(sessions.tokenHash, hashToken(input.keepToken)) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}
