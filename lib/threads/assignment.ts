// Who gets a thread without anyone choosing: the desk's assignment setting (`inbox.assignment`)
//   - assignOnReply: an agent replying to an unassigned thread takes it (lib/channels/reply.ts);
//   - roundRobin: a new thread nobody was given goes to the online agent who has waited longest
//     for one (createThread). Online: an inbox tab of theirs beat within ONLINE_SECONDS
//     (agent_presence, in the database so every instance sees every agent).
import "server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agentPresence, settings, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export const ASSIGNMENT_KEY = "inbox.assignment";
/** An agent counts as online this long after their inbox's last beat (it beats every 30 s). */
export const ONLINE_SECONDS = 90;

export interface AssignmentSettings {
  assignOnReply: boolean;
  roundRobin: boolean;
}

export async function getAssignmentSettings(db: Db): Promise<AssignmentSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, ASSIGNMENT_KEY));
  const value = (row?.value ?? {}) as Partial<AssignmentSettings>;
  return { assignOnReply: value.assignOnReply === true, roundRobin: value.roundRobin === true };
}

/** Admins change it (settings.manage, checked by the action). */
export async function saveAssignmentSettings(db: Db, input: AssignmentSettings): Promise<AssignmentSettings> {
  const value = { assignOnReply: input.assignOnReply, roundRobin: input.roundRobin };
  await db
    .insert(settings)
    .values({ key: ASSIGNMENT_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  return value;
}

/** "This agent has the inbox open": the beat of an inbox tab. */
export async function recordAgentPresence(db: Db, actor: Extract<Actor, { kind: "staff" }>): Promise<void> {
  await db
    .insert(agentPresence)
    .values({ userId: actor.userId, seenAt: new Date() })
    .onConflictDoUpdate({ target: agentPresence.userId, set: { seenAt: new Date() } });
}

/** Staff whose inbox beat within ONLINE_SECONDS. */
export async function findOnlineAgents(db: Db): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(agentPresence)
    .innerJoin(users, eq(users.id, agentPresence.userId))
    .where(
      and(gt(agentPresence.seenAt, sql`now() - make_interval(secs => ${ONLINE_SECONDS})`), inArray(users.role, ["admin", "agent"]), isNull(users.disabledAt)),
    )
    .orderBy(asc(users.name));
}

/**
 * The next agent for a new thread when round-robin is on: the online one given a thread longest
 * ago (never first). Serialized by a transaction lock, so two threads created at once go to two
 * agents; null when it is off or nobody is online.
 */
export async function pickRoundRobinAgent(tx: Tx): Promise<number | null> {
  if (!(await getAssignmentSettings(tx)).roundRobin) return null;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('switchboard.round-robin'))`);
  const [next] = await tx
    .select({ id: agentPresence.userId })
    .from(agentPresence)
    .innerJoin(users, eq(users.id, agentPresence.userId))
    .where(
      and(gt(agentPresence.seenAt, sql`now() - make_interval(secs => ${ONLINE_SECONDS})`), inArray(users.role, ["admin", "agent"]), isNull(users.disabledAt)),
    )
    .orderBy(sql`${agentPresence.lastAssignedAt} asc nulls first`, asc(agentPresence.userId))
    .limit(1);
  if (!next) return null;
  await tx.update(agentPresence).set({ lastAssignedAt: new Date() }).where(eq(agentPresence.userId, next.id));
  return next.id;
}
