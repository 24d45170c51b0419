// GET /users/contact-us-subjects/ — the contact subjects in the caller's language
import { getSubjects } from "@/lib/contact/wire/http";

export const dynamic = "force-dynamic";
export const GET = getSubjects;
