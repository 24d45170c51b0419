// Test data through the real services, for the unit tests and the browser tests alike: a staff
// user, the reference data the channels need, and a thread of each channel made the way that
// channel makes one (its own create service: the contact form, the seller API's new discussion,
// a call-back request, a conversation, a chat room), the customer's further messages through the
// inbound path. Test data obeys the same rules as production data; the demo seed uses the same
// services.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { createCallRequest, type NewCallRequest } from "@/lib/call-requests/service";
import { postInbound } from "@/lib/channels/reply";
import { openChatRoom } from "@/lib/chat/service";
import { submitContact } from "@/lib/contact/service";
import { startConversation, type StartConversation } from "@/lib/conversations/service";
import { importDiscussionSchema } from "@/lib/discussions/schemas";
import { importDiscussion } from "@/lib/discussions/service";
import { registerCustomer } from "@/lib/accounts/service";
import { createSoapCredential } from "@/lib/api-keys/service";
import { saveOrderItem, saveProduct } from "@/lib/products/service";
import { makePng } from "@/db/seed/files";

const unique = () => randomBytes(4).toString("hex");

/** The actor of set-up done by a test. */
export const TEST_ACTOR: Actor = systemActor("test");

/** A staff user as the actor of what they do. */
export const staffActor = (user: { id: number; name: string; role: s.Role }): Actor => ({ kind: "staff", userId: user.id, name: user.name, role: user.role });

export async function makeUser(db: Db, role: s.Role, overrides: { email?: string; password?: string; name?: string } = {}) {
  const password = overrides.password ?? "correct horse battery";
  const [user] = await db
    .insert(s.users)
    .values({
      email: overrides.email ?? `${role}-${unique()}@test.example`,
      name: overrides.name ?? `Test ${role}`,
      role,
      passwordHash: await hashPassword(password),
    })
    .returning();
  return { ...user!, password, actor: staffActor(user!) };
}

// ---------------------------------------------------------------------------------------------
// Reference data the channels' services ask for.

export async function ensureLanguages(db: Db): Promise<void> {
  await db
    .insert(s.languages)
    .values([
      { code: "en", name: "English", isDefault: true, position: 0 },
      { code: "tr", name: "Türkçe", position: 1 },
    ])
    .onConflictDoNothing();
}

/**
 * A contact subject whose English text is `text` (found, or created once), active for the
 * submission the factory makes; `retire` deactivates it again, so test subjects never join the
 * public form's list.
 */
export async function ensureContactSubject(db: Db, text: string, options: { isOrderNeeded?: boolean } = {}): Promise<number> {
  await ensureLanguages(db);
  const code = `t_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`;
  const [existing] = await db.select({ id: s.contactSubjects.id }).from(s.contactSubjects).where(eq(s.contactSubjects.code, code));
  if (existing) {
    await db.update(s.contactSubjects).set({ isActive: true }).where(eq(s.contactSubjects.id, existing.id));
    return existing.id;
  }
  const [row] = await db
    .insert(s.contactSubjects)
    .values({ code, position: 100, isOrderNeeded: options.isOrderNeeded ?? false })
    .onConflictDoNothing()
    .returning({ id: s.contactSubjects.id });
  const id = row?.id ?? (await db.select({ id: s.contactSubjects.id }).from(s.contactSubjects).where(eq(s.contactSubjects.code, code)))[0]!.id;
  await db.insert(s.contactSubjectTranslations).values({ subjectId: id, locale: "en", text }).onConflictDoNothing();
  return id;
}

/** A seller (found by slug, or created). */
export async function ensureSeller(db: Db, slug = "test-seller"): Promise<s.Seller> {
  await db
    .insert(s.sellers)
    .values({ slug, title: `Seller ${slug}`, externalId: `SELLER-${slug.toUpperCase()}` })
    .onConflictDoNothing();
  const [seller] = await db.select().from(s.sellers).where(eq(s.sellers.slug, slug));
  return seller!;
}

/**
 * A product (found by SKU, or created) with one small real picture — or none: the browser tests'
 * factories run in the test runner, whose file store is not the servers'.
 */
export async function ensureProduct(db: Db, options: { sku?: string; name?: string; sellerId?: number | null; picture?: boolean } = {}): Promise<s.Product> {
  const sku = options.sku ?? "T-VASE";
  const [found] = await db.select().from(s.products).where(eq(s.products.sku, sku));
  if (found) return found;
  return saveProduct(db, {
    sku,
    name: options.name ?? "Ceramic Vase",
    sellerId: options.sellerId ?? null,
    images: options.picture === false ? [] : [{ name: `${sku}.png`, bytes: makePng(40, 30, [180, 90, 40]) }],
  });
}

/** A line of a customer's order. */
export async function makeOrderItem(
  db: Db,
  options: { customerId: number; productId: number; sellerId?: number | null; orderNumber?: string; saleCode?: string },
): Promise<s.OrderItem> {
  return saveOrderItem(db, {
    orderNumber: options.orderNumber ?? `ORD-${unique()}`,
    customerId: options.customerId,
    productId: options.productId,
    sellerId: options.sellerId,
    saleCode: options.saleCode,
  });
}

/** A SOAP credential of a seller, through the real service (its four values returned, as the admin page shows them once). */
export async function makeSoapCredential(
  db: Db,
  options: { sellerId: number; scopes?: string[]; apiKey?: string; roleName?: string; rolePassword?: string; secret?: string },
) {
  return createSoapCredential(db, {
    name: `SOAP ${unique()}`,
    scopes: options.scopes ?? ["conversations.view", "conversations.manage"],
    sellerId: options.sellerId,
    apiKey: options.apiKey,
    roleName: options.roleName ?? `role_${unique()}`,
    rolePassword: options.rolePassword,
    secret: options.secret,
  });
}

/** A customer account signed up through the real service (its user, its customer record, the password and its actor). */
export async function makeCustomerAccount(
  db: Db,
  overrides: { email?: string; password?: string; firstName?: string; lastName?: string; locale?: string } = {},
) {
  const password = overrides.password ?? "correct horse battery";
  const email = overrides.email ?? `shopper-${unique()}@test.example`;
  const { user, customer } = await registerCustomer(
    db,
    {
      email,
      password,
      first_name: overrides.firstName ?? "Selin",
      last_name: overrides.lastName ?? "Demir",
      email_allowed: false,
      sms_allowed: false,
      notify_on_reply: true,
      locale: overrides.locale ?? "en",
    },
    { ip: testIp() },
  );
  const actor = { kind: "customer", customerId: customer.id, userId: user.id, name: customer.name } as const;
  return { user, customer, email, password, actor };
}

/** A discussion typology with this sub-typology (the demo desk's, or one usable at every order status on every sales channel). */
export async function ensureTypology(db: Db, typologyCode = "product", subTypologyCode = "productIsDamaged"): Promise<void> {
  await ensureLanguages(db);
  const [found] = await db
    .select({ id: s.discussionTypologies.id })
    .from(s.discussionTypologies)
    .where(and(eq(s.discussionTypologies.typologyCode, typologyCode), eq(s.discussionTypologies.subTypologyCode, subTypologyCode)));
  if (found) return;
  const [row] = await db
    .insert(s.discussionTypologies)
    .values({ typologyCode, subTypologyCode, salesChannel: null, orderStatuses: [] })
    .onConflictDoNothing()
    .returning({ id: s.discussionTypologies.id });
  if (row) await db.insert(s.discussionTypologyTranslations).values({ typologyId: row.id, locale: "en", description: subTypologyCode }).onConflictDoNothing();
}

// ---------------------------------------------------------------------------------------------
// Threads

export interface ThreadOptions {
  channel?: s.Channel;
  /** The thread's subject where the channel lets the customer choose one (contact: the subject's text). */
  subject?: string;
  /** The customer's messages, oldest first (the first one opens the thread). */
  messages?: string[];
  customerEmail?: string;
  customerName?: string;
  /** Channel facts passed on to its create service (e.g. a discussion's receivers, a call window). */
  details?: Record<string, unknown>;
}

/** A random address in TEST-NET-2, so one test's submissions never meet another's throttle. */
const testIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${unique()}`;

let contactQueue: Promise<unknown> = Promise.resolve();
/** Runs `fn` after every earlier call's has finished (this process's contact submissions). */
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = contactQueue.then(fn, fn);
  contactQueue = run.catch(() => undefined);
  return run;
}

/** One thread of `channel`, written by that channel's own create service; then the customer's further messages. */
export async function makeThread(db: Db, options: ThreadOptions = {}) {
  const channel = options.channel ?? "contact";
  const email = options.customerEmail ?? `customer-${unique()}@test.example`;
  const name = options.customerName ?? "Test Customer";
  const bodies = options.messages?.length ? options.messages : ["Hello, I need help."];
  const [first, ...rest] = bodies as [string, ...string[]];
  const details = options.details ?? {};
  let threadId: number;
  let inboundFirst = false;
  switch (channel) {
    case "contact": {
      // The test subject is active only while its form is submitted (so the public subject lists stay
      // the desk's own): one at a time, or a parallel call's deactivation refuses another's form.
      const result = await oneAtATime(async () => {
        const subject = await ensureContactSubject(db, options.subject ?? "Test subject");
        const submitted = await submitContact(db, { form: { subject, full_name: name, email, message: first, ...details }, ip: testIp(), locale: "en" });
        await db
          .update(s.contactSubjects)
          .set({ isActive: false })
          .where(and(eq(s.contactSubjects.id, subject), like(s.contactSubjects.code, "t\\_%")));
        return submitted;
      });
      if (!result.ok) throw new Error(`makeThread(contact): ${JSON.stringify(result)}`);
      threadId = result.threadId;
      break;
    }
    case "discussion": {
      const seller = await ensureSeller(db);
      await ensureTypology(db);
      const discussion = importDiscussionSchema.parse({
        salesChannel: "CDISFR",
        subTypologyCode: "productIsDamaged",
        subject: options.subject ?? "Test subject",
        customer: { name, email },
        receivers: [{ userType: "Customer" }, { userType: "GrcOperator" }],
        messages: [{ body: first, sender: { userType: "Customer", name } }],
        ...details,
      });
      threadId = (await importDiscussion(db, { seller, discussion }, TEST_ACTOR)).thread.id;
      break;
    }
    case "call_request": {
      const input: NewCallRequest = { name, email, phone: "+90 555 000 00 00", notes: first, ...(details as Partial<NewCallRequest>) };
      threadId = (await createCallRequest(db, input, TEST_ACTOR)).id;
      break;
    }
    case "conversation": {
      const seller = await ensureSeller(db);
      const product = await ensureProduct(db, { sku: "T-VASE-THREADS", sellerId: seller.id, picture: false });
      const input: StartConversation = {
        customer: { name, email },
        sellerId: seller.id,
        subject: options.subject ?? "Test subject",
        body: first,
        conversationType: "question",
        itemContent: "product",
        itemId: String(product.id),
        itemName: product.name,
        productId: product.id,
        ...(details as Partial<StartConversation>),
      };
      threadId = (await startConversation(db, input, TEST_ACTOR)).thread.id;
      break;
    }
    case "chat": {
      const room = await openChatRoom(
        db,
        { customer: { name, email }, userExternalId: email, orgId: "TESTORG", productName: "WORKFLOWAI", subject: options.subject, ...details },
        TEST_ACTOR,
      );
      threadId = room.thread.id;
      inboundFirst = true;
      break;
    }
  }
  const [opened] = await db.select().from(s.threads).where(eq(s.threads.id, threadId));
  const customer: s.Customer = (await db.select().from(s.customers).where(eq(s.customers.id, opened!.customerId!)))[0]!;
  const actor: Actor = { kind: "customer", customerId: customer.id, name: customer.name };
  for (const body of inboundFirst ? bodies : rest) await postInbound(db, { threadId, body }, actor);
  const [thread] = await db.select().from(s.threads).where(eq(s.threads.id, threadId));
  const messages = await db.select().from(s.messages).where(eq(s.messages.threadId, threadId)).orderBy(s.messages.createdAt, s.messages.id);
  return { thread: thread!, customer, messages };
}

/** A chat organization (found by its key, or created) with these products and allowed origins. */
export async function ensureChatOrg(
  db: Db,
  orgKey = "TESTORG",
  options: { products?: string[]; allowedOrigins?: string[]; greeting?: Record<string, string> } = {},
) {
  await db
    .insert(s.chatOrgs)
    .values({
      orgKey,
      name: `Org ${orgKey}`,
      products: options.products ?? ["WORKFLOWAI", "WIFIQRCODE", "LOGOSCAN", "SALESAGENT"],
      allowedOrigins: options.allowedOrigins ?? ["*"],
      greeting: options.greeting ?? {},
    })
    .onConflictDoNothing();
  const [org] = await db.select().from(s.chatOrgs).where(eq(s.chatOrgs.orgKey, orgKey));
  return org!;
}
