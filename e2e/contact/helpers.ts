// Shared by the contact browser tests: a line to the e2e database (to check what was stored) and
// the SMTP sink's mail list (scripts/e2e-smtp-sink.ts), with a header reader for raw mails.
import { expect } from "@playwright/test";
import { sql } from "../support/db";
import { E2E } from "../support/env";

export { sql };

export interface SunkMail {
  to: string[];
  from: string;
  raw: string;
}

/** Waits until the sink has a mail matching `match`, and returns it. */
export async function waitForMail(match: (mail: SunkMail) => boolean, timeout = 20_000): Promise<SunkMail> {
  let found: SunkMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${E2E.smtpListURL}/messages`);
        const mails = (await response.json()) as SunkMail[];
        found = mails.find(match);
        return !!found;
      },
      { timeout },
    )
    .toBe(true);
  return found!;
}

/** A header's value: unfolded, RFC 2047 encoded words decoded. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const value = new RegExp(`^${name}: (.+)$`, "mi").exec(head)?.[1]?.trim();
  return value?.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}
