// A saved reply's variables, filled in when the agent inserts it: {{customer.first_name}},
// {{customer.name}}, {{agent.name}}, {{agent.first_name}}, {{thread.reference}}, {{thread.subject}}.
// Pure and browser-safe: the composer fills them in with what it knows; an unknown variable stays
// as written so the agent sees it before sending.

export interface ReplyContext {
  customer: { name: string; email?: string | null };
  agent: { name: string };
  thread: { id: number; subject: string };
}

export const SAVED_REPLY_VARIABLES: readonly [string, string][] = [
  ["{{customer.first_name}}", "the customer's first name"],
  ["{{customer.name}}", "the customer's full name"],
  ["{{agent.name}}", "your name"],
  ["{{agent.first_name}}", "your first name"],
  ["{{thread.reference}}", "the thread's reference (#327)"],
  ["{{thread.subject}}", "the subject"],
];

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? "";

export function renderSavedReply(body: string, context: ReplyContext): string {
  const values: Record<string, string> = {
    "customer.first_name": firstName(context.customer.name) || "there",
    "customer.name": context.customer.name.trim() || "there",
    "customer.email": context.customer.email ?? "",
    "agent.name": context.agent.name,
    "agent.first_name": firstName(context.agent.name),
    "thread.reference": `#${context.thread.id}`,
    "thread.subject": context.thread.subject,
  };
  return body.replace(/\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A saved reply as the composer's picker receives it: each language's body. */
export interface SavedReplyView {
  id: number;
  title: string;
  /** null: the team's. */
  ownerId: number | null;
  bodies: Record<string, string>;
}

/** The body for a thread's language: its own, else the desk's default, else any. */
export function bodyFor(reply: SavedReplyView, locale: string | null, defaultLocale: string): string {
  return (locale ? reply.bodies[locale] : undefined) ?? reply.bodies[defaultLocale] ?? Object.values(reply.bodies)[0] ?? "";
}
