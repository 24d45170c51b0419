// The authorization matrix as one permanent test: every route handler and every server action,
// found from the file tree (a new one without a row in authorization-matrix.ts fails here), called
// over HTTP as each principal, against the status the table expects for that cell.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../support/test";
import { eq, sql as dsql } from "drizzle-orm";
import { attachments, chatDetails, chatOrgs, chatQrCodes, contactSubjects, messages, savedReplies, sellers, tags, threads } from "../../db/schema";
import { systemActor } from "../../lib/auth/actor";
import { importDiscussionSchema } from "../../lib/discussions/schemas";
import { importDiscussion } from "../../lib/discussions/service";
import { deleteThread } from "../../lib/inbox/service";
import { E2E } from "../support/env";
import { makeThread } from "../support/factories";
import { callAction, e2eDb, makePrincipals, PRINCIPALS, type Principal, type PrincipalName } from "../support/principals";
import { ACTIONS, effects, form, ROUTES, type Expect, type Fixtures, type RouteRow } from "./authorization-matrix";

const ROOT = process.cwd();
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(rel, match);
    return match(d.name) ? [rel] : [];
  });
}

/** Every route handler: "METHOD /path" with route groups dropped, from each route.ts's exports. */
function routeHandlers(): string[] {
  return filesUnder("app", (n) => /^route\.(ts|tsx|js)$/.test(n)).flatMap((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const urlPath =
      "/" +
      path
        .dirname(file)
        .split(path.sep)
        .slice(1)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .join("/");
    const exported = new Set<string>();
    for (const m of text.matchAll(/export\s+const\s*\{([^}]+)\}\s*=/g)) for (const name of m[1]!.split(",")) exported.add(name.trim().split(":")[0]!.trim());
    for (const m of text.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) exported.add(m[1]!);
    return [...exported]
      .filter((name) => METHODS.includes(name) || name === "HEAD" || name === "OPTIONS")
      .map((method) => `${method} ${urlPath === "/" ? "/" : urlPath}`);
  });
}

/** Every server action: the exported async functions of each "use server" module. */
function serverActions(): string[] {
  return [...filesUnder("lib", (n) => /\.(ts|tsx)$/.test(n) && !n.endsWith(".test.ts")), ...filesUnder("app", (n) => /\.(ts|tsx)$/.test(n))].flatMap((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    if (!/^\s*["']use server["']/.test(text)) return [];
    return [...text.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => `action ${file.split(path.sep).join("/")}#${m[1]}`);
  });
}

/** Which page each action is served on (Next's manifest of the last build). */
function actionIds(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const workers = Object.keys(entry.workers)
      .filter((w) => w.endsWith("/page"))
      .map(
        (w) =>
          (
            "/" +
            w
              .replace(/^app\//, "")
              .replace(/\/page$/, "")
              .split("/")
              .filter((s) => !/^\(.*\)$/.test(s))
              .join("/")
          ).replace(/\/$/, "") || "/",
      )
      .sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")) || a.length - b.length);
    if (workers.length) out.set(`action ${entry.filename}#${entry.exportedName}`, { id, page: workers[0]! });
  }
  return out;
}

const CODES: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_type: 415,
};

/** An action's answer as a status: its HTTP status, or — in a 200 — the code of its { ok: false } result. */
function actionStatus(answer: { status: number; text: string }): number {
  if (answer.status !== 200) return answer.status;
  if (/^\d+:E\{/m.test(answer.text)) return 500;
  const code = /"ok":false[^}]*"code":"(\w+)"/.exec(answer.text)?.[1];
  return code ? (CODES[code] ?? 400) : 200;
}

const expected = (e: Expect, who: PrincipalName) => e[who] ?? e.default;

async function callRoute(key: string, row: RouteRow, fx: Fixtures, who: Principal): Promise<number> {
  const method = key.split(" ")[0]!;
  const target = await row.path(fx);
  const headers: Record<string, string> = { cookie: who.cookie, ...who.headers(target) };
  let body: BodyInit | undefined;
  const given = row.body?.(fx);
  if (given && "json" in given) {
    body = JSON.stringify(given.json);
    headers["content-type"] = "application/json";
  } else if (given && "form" in given) {
    body = new URLSearchParams(given.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  } else if (given && "multipart" in given) body = given.multipart;
  else if (given && "text" in given) {
    body = given.text;
    if (given.type) headers["content-type"] = given.type;
  }
  const abort = new AbortController();
  const response = await fetch(`${E2E.baseURL}${target}`, { method, headers, body, redirect: "manual", signal: abort.signal });
  if (row.stream) abort.abort();
  else await response.arrayBuffer();
  return response.status;
}

let principals: Record<PrincipalName, Principal>;
let fx: Fixtures;
let matrixSubjectId = 0;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const db = await e2eDb();
  principals = await makePrincipals(E2E.baseURL);
  const { thread } = await makeThread(db, { channel: "conversation" });
  const [sellerA] = await db.select().from(sellers).where(eq(sellers.externalId, "SELLER-1001"));
  const discussion = importDiscussionSchema.parse({
    salesChannel: "CDISFR",
    subTypologyCode: "productIsDamaged",
    receivers: [{ userType: "Customer" }],
    messages: [{ body: "Matrix: opened by the customer.", sender: { userType: "Customer" } }],
  });
  const made = await importDiscussion(db, { seller: sellerA!, discussion }, systemActor("Matrix"));
  const [attachment] = await db.select({ id: attachments.id }).from(attachments).innerJoin(messages, eq(messages.id, attachments.messageId)).limit(1);
  const [subject] = await db.select({ id: contactSubjects.id }).from(contactSubjects).where(eq(contactSubjects.code, "technical"));
  const [own] = await db
    .insert(contactSubjects)
    .values({ code: `matrix_${Date.now()}`, position: 0, isActive: false })
    .returning({ id: contactSubjects.id });
  matrixSubjectId = own!.id;
  const newCallRequest = async () => (await makeThread(db, { channel: "call_request" })).thread.id;
  const chat = await makeThread(db, { channel: "chat", details: { orgId: "DOWELL12345" } });
  const [room] = await db.select({ key: chatDetails.roomKey }).from(chatDetails).where(eq(chatDetails.threadId, chat.thread.id));
  const [chatOrg] = await db.select({ id: chatOrgs.id }).from(chatOrgs).where(eq(chatOrgs.orgKey, "DOWELL12345"));
  const [qr] = await db
    .insert(chatQrCodes)
    .values({ orgId: chatOrg!.id, qrKey: `MATRIX${Date.now()}`, productName: "WORKFLOWAI", label: "Matrix" })
    .returning({ id: chatQrCodes.id });
  const trashed = await makeThread(db, { channel: "contact" });
  await deleteThread(db, { threadId: trashed.thread.id }, systemActor("Matrix"));
  const [tag] = await db
    .insert(tags)
    .values({ name: `matrix-${Date.now()}` })
    .returning({ id: tags.id });
  fx = {
    threadId: thread.id,
    discussionId: made.thread.id,
    discussionMessageId: made.messages[0]!.id,
    attachmentId: attachment!.id,
    callRequestId: await newCallRequest(),
    subjectId: subject!.id,
    matrixSubjectId,
    newCallRequest,
    chatRoomKey: room!.key,
    matrixQrId: qr!.id,
    trashedThreadId: trashed.thread.id,
    matrixTagId: tag!.id,
  };
  effects.subjectOrder = async () =>
    JSON.stringify(await db.select({ id: contactSubjects.id }).from(contactSubjects).orderBy(contactSubjects.position, contactSubjects.id));
  effects.threadDeleted = async (id) => JSON.stringify(await db.select({ d: threads.deletedAt }).from(threads).where(eq(threads.id, id)));
  effects.tagExists = async (id) => JSON.stringify(await db.select({ id: tags.id }).from(tags).where(eq(tags.id, id)));
  effects.savedReplyCount = async () => JSON.stringify(await db.select({ n: dsql<number>`count(*)` }).from(savedReplies));
  effects.qrExists = async (id) => JSON.stringify(await db.select({ id: chatQrCodes.id }).from(chatQrCodes).where(eq(chatQrCodes.id, id)));
  effects.subjectActive = async (id) =>
    JSON.stringify(await db.select({ a: contactSubjects.isActive }).from(contactSubjects).where(eq(contactSubjects.id, id)));
});

test.afterAll(async () => {
  const db = await e2eDb();
  if (matrixSubjectId) await db.update(contactSubjects).set({ isActive: false }).where(eq(contactSubjects.id, matrixSubjectId));
  void dsql;
});

test("every route handler and server action has a row in the matrix", () => {
  const handlers = routeHandlers();
  const actions = serverActions();
  expect(handlers.length).toBeGreaterThan(40);
  expect(actions.length).toBeGreaterThan(15);
  const missing = [...handlers.filter((k) => !ROUTES[k]), ...actions.filter((k) => !ACTIONS[k])];
  expect(missing, "add a row for each to e2e/platform/authorization-matrix.ts").toEqual([]);
  const stale = [...Object.keys(ROUTES).filter((k) => !handlers.includes(k)), ...Object.keys(ACTIONS).filter((k) => !actions.includes(k))];
  expect(stale, "rows for handlers or actions that no longer exist").toEqual([]);
});

test("every cell: each principal gets what the matrix says, from every route handler", async () => {
  test.setTimeout(240_000);
  const wrong: string[] = [];
  for (const [key, row] of Object.entries(ROUTES)) {
    // The principals of one row at once (each cell stands alone); the rows one after the other.
    await Promise.all(
      PRINCIPALS.map(async (name) => {
        const status = await callRoute(key, row, fx, principals[name]);
        if (status !== expected(row.expect, name)) wrong.push(`${key} as ${name}: ${status}, expected ${expected(row.expect, name)}`);
      }),
    );
  }
  expect(wrong).toEqual([]);
});

test("every cell: each principal gets what the matrix says, from every server action (never a 500)", async () => {
  test.setTimeout(240_000);
  const ids = actionIds();
  const wrong: string[] = [];
  for (const [key, row] of Object.entries(ACTIONS)) {
    const served = ids.get(key);
    if (!served) {
      wrong.push(`${key}: not in the build's server-action manifest (no page uses it?)`);
      continue;
    }
    const page = served.page.replace("[threadId]", String(fx.threadId)).replace("[token]", "not-a-token");
    const cell = async (name: PrincipalName) => {
      const before = row.effect ? await row.effect(fx) : "";
      const args = row.args ? row.args(fx) : [null, form(row.form?.(fx) ?? {})];
      const answer = await callAction(E2E.baseURL, page, served.id, args, principals[name]);
      const status = actionStatus(answer);
      if (status !== expected(row.expect, name))
        wrong.push(`${key} as ${name}: ${status}, expected ${expected(row.expect, name)} (${answer.text.slice(0, 160)})`);
      if (row.effect) {
        const changed = (await row.effect(fx)) !== before;
        if (changed !== (row.changedBy ?? []).includes(name)) wrong.push(`${key} as ${name}: ${changed ? "changed" : "did not change"} what it acts on`);
      }
    };
    // A row whose cells are judged by what they change runs one principal at a time; the others at once.
    if (row.effect) for (const name of PRINCIPALS) await cell(name);
    else await Promise.all(PRINCIPALS.map(cell));
  }
  expect(wrong).toEqual([]);
});
