// Side effects of committed changes, in the instance that made them. Each channel adds its own
// listener here (e.g. e-mailing an agent's reply to a contact-form customer). Registered once per
// process by instrumentation.ts; tests call registerListeners() themselves.
import { registerContactListeners } from "@/lib/contact/listeners";

const g = globalThis as typeof globalThis & { __switchboardListeners?: boolean };

export function registerListeners(): void {
  if (g.__switchboardListeners) return;
  g.__switchboardListeners = true;
  // Channel listeners are added below, one line each: registerContactListeners(); …
  registerContactListeners();
}
