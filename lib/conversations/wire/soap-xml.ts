// SOAP 1.1 on the wire, without a SOAP framework: reading an envelope safely and writing answers
// and faults. The XML parser is fast-xml-parser, configured so that nothing in a request can make
// it fetch, expand or nest without bound:
// - a DOCTYPE (and so any DTD, external entity or entity declaration) is refused before parsing —
//   SOAP 1.1 §3 forbids DTDs in a message anyway: no XXE, no billion laughs;
// - only XML's five predefined entities and character references are decoded (our own decoder);
// - nesting deeper than MAX_DEPTH is refused; the body size is limited by the caller (1 MB);
// - the document must be well-formed (the parser's validator) before it is read.
// Namespace prefixes are dropped when reading (clients prefix the operation `con:`, `ns1:`, `tns:`
// or nothing, and the spec's own examples use an undeclared `con:`), so a bare operation element
// is accepted as well as a full envelope.
import "server-only";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/";
export const SOAP12_ENV_NS = "http://www.w3.org/2003/05/soap-envelope";
export const SERVICE_NS = "http://conversation.individual.ws.listingapi.gg.com";
export const MAX_DEPTH = 24;

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue;
}

export type ReadProblem = "dtd" | "malformed" | "version" | "no_operation";

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][\w.-]*);/g;

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== "#") return PREDEFINED[ref] ?? whole;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    return allowed ? String.fromCodePoint(code) : whole;
  });
}

/** The decoder fast-xml-parser calls for text: predefined entities and character references, never a declared one. */
const entityDecoder = {
  reset() {},
  setXmlVersion() {},
  addInputEntities() {
    throw new Error("entity declarations are not accepted");
  },
  decode: decodeEntities,
};

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  // fast-xml-parser's option takes any object with these methods.
  entityDecoder: entityDecoder as never,
  maxNestedTags: MAX_DEPTH,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export type ReadResult = { ok: true; operation: string; body: XmlObject } | { ok: false; problem: ReadProblem; detail?: string };

const isObject = (v: XmlValue | undefined): v is XmlObject => !!v && typeof v === "object" && !Array.isArray(v);

/** The operation element of a request: `<Envelope><Body><op>…` or a bare `<op>…`. */
export function readSoapRequest(text: string): ReadResult {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) return { ok: false, problem: "dtd" };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, problem: "malformed", detail: valid.err.msg };
  // An undeclared entity is not well-formed XML (and never expanded).
  for (const m of text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, "").matchAll(ENTITY))
    if (m[1]![0] !== "#" && !(m[1]! in PREDEFINED)) return { ok: false, problem: "malformed", detail: `undeclared entity &${m[1]};` };
  let doc: XmlObject;
  try {
    doc = parser.parse(text) as XmlObject;
  } catch (error) {
    return { ok: false, problem: "malformed", detail: error instanceof Error ? error.message : undefined };
  }
  const roots = Object.keys(doc).filter((k) => !k.startsWith("?") && !k.startsWith("#"));
  if (roots.length !== 1) return { ok: false, problem: "malformed", detail: "one root element expected" };
  const rootName = roots[0]!;
  let op: [string, XmlValue] | undefined;
  if (rootName === "Envelope") {
    // The envelope's namespace, from its start tag: SOAP 1.2's is a version mismatch.
    const start = /<([\w.-]+:)?Envelope\b[^>]*>/.exec(text)?.[0] ?? "";
    if (start.includes(SOAP12_ENV_NS)) return { ok: false, problem: "version" };
    const envelope = doc.Envelope;
    const body = isObject(envelope) ? envelope.Body : undefined;
    if (!isObject(body)) return { ok: false, problem: "no_operation" };
    const children = Object.entries(body).filter(([k]) => !k.startsWith("#"));
    if (children.length !== 1) return { ok: false, problem: "no_operation" };
    op = children[0];
  } else op = [rootName, doc[rootName]!];
  if (!op) return { ok: false, problem: "no_operation" };
  const [operation, value] = op;
  if (Array.isArray(value)) return { ok: false, problem: "no_operation" };
  return { ok: true, operation, body: isObject(value) ? value : {} };
}

// ---------------------------------------------------------------------------------------------
// Reading values

/** A text child (the first, if repeated); "" for an empty element; undefined when absent. */
export function text(obj: XmlObject | undefined, name: string): string | undefined {
  const v = obj?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined) return undefined;
  return typeof first === "string" ? first : "";
}

/** Every text value of a repeated child. */
export function texts(obj: XmlObject | undefined, name: string): string[] {
  const v = obj?.[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string").map((s) => s.trim());
}

export function child(obj: XmlObject | undefined, name: string): XmlObject | undefined {
  const v = obj?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return isObject(first) ? first : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const escapeXml = (value: string) => value.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** A tree to write: a value is text, a nested object, a list (the element repeated) or absent. */
export type Out = string | number | boolean | Date | null | undefined | OutObject | Out[];
export interface OutObject {
  [name: string]: Out;
}

export function writeXml(name: string, value: Out): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => writeXml(name, v)).join("");
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === "object") {
    const inner = Object.entries(value)
      .map(([k, v]) => writeXml(k, v))
      .join("");
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
export const SOAP_CONTENT_TYPE = "text/xml; charset=utf-8";

/** `<opResponse><return>…</return></opResponse>` in an envelope. */
export function soapResponse(operation: string, result: OutObject): Response {
  const body = `<con:${operation}Response xmlns:con="${SERVICE_NS}">${writeXml("return", result)}</con:${operation}Response>`;
  return new Response(`${XML_HEAD}<soap:Envelope xmlns:soap="${SOAP_ENV_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`, {
    status: 200,
    headers: { "content-type": SOAP_CONTENT_TYPE },
  });
}

export interface FaultInput {
  /** HTTP status: 500 for every SOAP fault (SOAP 1.1 §6.2), except HTTP-level refusals (401, 405, 413, 429). */
  status: number;
  faultcode: "Client" | "Server" | "VersionMismatch";
  errorCode: string;
  message: string;
  lang: string;
  headers?: Record<string, string>;
}

/** A SOAP 1.1 fault with our error element in its detail: `<con:ServiceError><errorCode/><message/><lang/></con:ServiceError>`. */
export function soapFault(f: FaultInput): Response {
  const detail = `<con:ServiceError xmlns:con="${SERVICE_NS}">${writeXml("errorCode", f.errorCode)}${writeXml("message", f.message)}${writeXml("lang", f.lang)}</con:ServiceError>`;
  const fault =
    `<soap:Fault><faultcode>soap:${f.faultcode}</faultcode><faultstring xml:lang="${escapeXml(f.lang)}">${escapeXml(f.message)}</faultstring>` +
    `<detail>${detail}</detail></soap:Fault>`;
  return new Response(`${XML_HEAD}<soap:Envelope xmlns:soap="${SOAP_ENV_NS}"><soap:Body>${fault}</soap:Body></soap:Envelope>`, {
    status: f.status,
    headers: { "content-type": SOAP_CONTENT_TYPE, ...f.headers },
  });
}
