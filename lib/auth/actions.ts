"use server";
// Sign-in and sign-out as server actions, so the form works without JavaScript too.
import { formOf } from "@/lib/http/action";
import { AuthError } from "next-auth";
import { signIn, signOut } from "./index";

export interface SignInState {
  error?: string;
  /** The e-mail as typed, to fill the field again after a refusal (the password is never sent back). */
  email?: string;
}

/** Only paths inside this site, never `//host` or a full URL. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function signInAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  formData = formOf(formData);
  try {
    await signIn("credentials", {
      email: formData.get("email"),
      password: formData.get("password"),
      redirectTo: safeNext(formData.get("next")),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      const email = String(formData.get("email") ?? "").slice(0, 254);
      if (code === "rate_limited") return { error: "Too many failed attempts. Wait a few minutes and try again.", email };
      return { error: "Wrong e-mail or password.", email };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
