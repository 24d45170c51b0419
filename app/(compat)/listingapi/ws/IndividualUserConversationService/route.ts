// The SOAP user-messages service: POST (one operation per request), GET ?wsdl; see lib/conversations/wire/soap.ts
import { getWsdl, postSoap, soapNotAllowed } from "@/lib/conversations/wire/soap";

export const dynamic = "force-dynamic";
export const GET = getWsdl;
export const POST = postSoap;
export const PUT = soapNotAllowed;
export const PATCH = soapNotAllowed;
export const DELETE = soapNotAllowed;
