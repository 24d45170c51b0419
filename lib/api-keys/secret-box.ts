// Secrets we must be able to read back (a SOAP credential's secret: the server recomputes
// md5(apiKey + secret + time) to check a signature, so a one-way hash will not do). They are kept
// encrypted at rest with AES-256-GCM under a key from CREDENTIALS_KEY, or — when it is unset —
// derived (HKDF) from the session key (AUTH_SECRET, or the one generated into the data dir). Set
// CREDENTIALS_KEY when AUTH_SECRET may be rotated: changing the key makes stored secrets unreadable
// (such credentials simply stop verifying; create new ones).
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

const VERSION = "v1";

let cached: { source: string; key: Buffer } | null = null;

function key(): Buffer {
  const source = process.env.CREDENTIALS_KEY || `auth:${authSecret()}`;
  if (cached?.source === source) return cached.key;
  const derived = Buffer.from(hkdfSync("sha256", source, "switchboard", "api credential secrets v1", 32));
  cached = { source, key: derived };
  return derived;
}

/** `v1:<iv>:<tag>:<ciphertext>`, base64url parts. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

/** The secret, or null when it was sealed under another key (or is not a sealed value). */
export function openSecret(sealed: string | null | undefined): string | null {
  if (!sealed) return null;
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
