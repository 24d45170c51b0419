// POST /users/contact-us/ — a contact form submission (JSON or multipart); see lib/contact/wire/http.ts
import { methodNotAllowed, postContactUs } from "@/lib/contact/wire/http";

export const dynamic = "force-dynamic";
export const POST = postContactUs;
export const GET = methodNotAllowed("POST, OPTIONS");
export const PUT = methodNotAllowed("POST, OPTIONS");
export const PATCH = methodNotAllowed("POST, OPTIONS");
export const DELETE = methodNotAllowed("POST, OPTIONS");
