// The WSDL of IndividualUserConversationService, written by hand: SOAP 1.1, document/literal
// wrapped, target namespace http://conversation.individual.ws.listingapi.gg.com, children
// unqualified. Each operation's wrapper element carries apiKey, sign, time and its request object
// (`<op>Request`, with `lang`); its answer is `<opResponse><return>…</return></opResponse>`, and
// every failure is a soap:Fault whose detail is a ServiceError. A stock client (the `soap` npm
// package in the tests) generates every operation from it. The address is the host the client
// called, or PUBLIC_URL.
import "server-only";
import { escapeXml, SERVICE_NS } from "./soap-xml";

/** Each operation: its request type's fields, and the type of what it returns. */
export const SOAP_OPERATIONS = {
  getConversations: { request: "getConversationsRequestType", result: "conversationListType", manage: false },
  getConversationsCount: { request: "getConversationsCountRequestType", result: "conversationCountType", manage: false },
  getConversationById: { request: "getConversationByIdRequestType", result: "conversationResultType", manage: false },
  getMessages: { request: "getMessagesRequestType", result: "messageListType", manage: false },
  postConversation: { request: "postConversationRequestType", result: "postConversationResultType", manage: true },
  putMessage: { request: "putMessageRequestType", result: "putMessageResultType", manage: true },
  markAsRead: { request: "conversationIdsRequestType", result: "readStateResultType", manage: true },
  markAsUnread: { request: "conversationIdsRequestType", result: "readStateResultType", manage: true },
  deleteConversation: { request: "conversationIdRequestType", result: "deleteResultType", manage: true },
  deleteConversations: { request: "conversationIdsRequestType", result: "deleteResultType", manage: true },
  getConversationSubject: { request: "langRequestType", result: "subjectListType", manage: false },
} as const;

export type SoapOperation = keyof typeof SOAP_OPERATIONS;
export const isSoapOperation = (name: string): name is SoapOperation => Object.hasOwn(SOAP_OPERATIONS, name);

const e = (name: string, type: string, extra = "") => `<xs:element name="${name}" type="${type}" minOccurs="0"${extra}/>`;
const seq = (...els: string[]) => `<xs:sequence>${els.join("")}</xs:sequence>`;
const complex = (name: string, ...els: string[]) => `<xs:complexType name="${name}">${seq(...els)}</xs:complexType>`;
const LANG = e("lang", "xs:string");
const many = ' maxOccurs="unbounded"';

const TYPES = [
  complex(
    "getConversationsRequestType",
    e("startOffSet", "xs:int"),
    e("rowCount", "xs:int"),
    e("title", "xs:string"),
    e("messageType", "xs:string"),
    e("filteredUserNick", "xs:string"),
    LANG,
  ),
  complex("getConversationsCountRequestType", e("type", "xs:string"), e("unread", "xs:boolean"), LANG),
  complex("getConversationByIdRequestType", e("conversationId", "xs:string"), LANG),
  complex("getMessagesRequestType", e("conversationId", "xs:string"), e("rowCount", "xs:int"), e("startOffset", "xs:int"), e("startOffSet", "xs:int"), LANG),
  complex("productContextType", e("productId", "xs:long"), e("title", "xs:string"), e("sku", "xs:string")),
  complex("saleContextType", e("saleCode", "xs:string")),
  complex("conversationContextType", e("product", "tns:productContextType"), e("sale", "tns:saleContextType")),
  complex(
    "postConversationRequestType",
    e("toUserNick", "xs:string"),
    e("type", "xs:string"),
    e("title", "xs:string"),
    e("context", "tns:conversationContextType"),
    e("messageText", "xs:string"),
    e("sendCopy", "xs:boolean"),
    LANG,
  ),
  complex("putMessageRequestType", e("conversationId", "xs:string"), e("message", "xs:string"), e("sendCopy", "xs:boolean"), LANG),
  complex("conversationIdRequestType", e("conversationId", "xs:string"), LANG),
  complex("conversationIdsRequestType", e("conversationId", "xs:string", many), LANG),
  complex("langRequestType", LANG),
  complex(
    "conversationType",
    e("conversationId", "xs:string"),
    e("subject", "xs:string"),
    e("title", "xs:string"),
    e("titleCode", "xs:string"),
    e("type", "xs:string"),
    e("conversationType", "xs:string"),
    e("senderNick", "xs:string"),
    e("receiverNick", "xs:string"),
    e("otherUserNick", "xs:string"),
    e("createDate", "xs:dateTime"),
    e("lastMessageDate", "xs:dateTime"),
    e("lastMessageText", "xs:string"),
    e("lastMessageSenderNick", "xs:string"),
    e("messageCount", "xs:int"),
    e("unreadMessageCount", "xs:int"),
    e("read", "xs:boolean"),
    e("answered", "xs:boolean"),
    e("closed", "xs:boolean"),
    e("context", "tns:conversationContextType"),
  ),
  complex("conversationsType", e("conversation", "tns:conversationType", many)),
  complex("conversationListType", e("conversationCount", "xs:int"), e("conversations", "tns:conversationsType")),
  complex("conversationCountType", e("count", "xs:int")),
  complex("conversationResultType", e("conversation", "tns:conversationType")),
  complex(
    "messageType",
    e("messageId", "xs:string"),
    e("conversationId", "xs:string"),
    e("senderNick", "xs:string"),
    e("receiverNick", "xs:string"),
    e("messageText", "xs:string"),
    e("sendDate", "xs:dateTime"),
    e("read", "xs:boolean"),
    e("outgoing", "xs:boolean"),
  ),
  complex("messagesType", e("message", "tns:messageType", many)),
  complex(
    "messageListType",
    e("conversationId", "xs:string"),
    e("messageCount", "xs:int"),
    e("unreadMessageCount", "xs:int"),
    e("messages", "tns:messagesType"),
  ),
  complex("postConversationResultType", e("conversationId", "xs:string"), e("messageId", "xs:string")),
  complex("putMessageResultType", e("conversationId", "xs:string"), e("messageId", "xs:string")),
  complex("readStateResultType", e("conversationId", "xs:string", many), e("unreadMessageCount", "xs:int")),
  complex("deleteResultType", e("conversationId", "xs:string", many), e("deletedCount", "xs:int")),
  complex("subjectType", e("id", "xs:string"), e("code", "xs:string"), e("title", "xs:string")),
  complex("subjectsType", e("subject", "tns:subjectType", many)),
  complex("subjectListType", e("subjects", "tns:subjectsType")),
  `<xs:element name="ServiceError">${`<xs:complexType>${seq(e("errorCode", "xs:string"), e("message", "xs:string"), e("lang", "xs:string"))}</xs:complexType>`}</xs:element>`,
];

function operationElements(op: string, spec: { request: string; result: string }): string {
  const request = `<xs:element name="${op}"><xs:complexType>${seq(
    e("apiKey", "xs:string"),
    e("sign", "xs:string"),
    e("time", "xs:long"),
    e(`${op}Request`, `tns:${spec.request}`),
  )}</xs:complexType></xs:element>`;
  const response = `<xs:element name="${op}Response"><xs:complexType>${seq(e("return", `tns:${spec.result}`))}</xs:complexType></xs:element>`;
  return request + response;
}

/** The WSDL, with `address` as the endpoint's soap:address. */
export function serviceWsdl(address: string): string {
  const ops = Object.entries(SOAP_OPERATIONS);
  const schema =
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${SERVICE_NS}" targetNamespace="${SERVICE_NS}" elementFormDefault="unqualified" attributeFormDefault="unqualified">` +
    TYPES.join("") +
    ops.map(([op, spec]) => operationElements(op, spec)).join("") +
    `</xs:schema>`;
  const messages = ops
    .map(
      ([op]) =>
        `<wsdl:message name="${op}"><wsdl:part name="parameters" element="tns:${op}"/></wsdl:message>` +
        `<wsdl:message name="${op}Response"><wsdl:part name="parameters" element="tns:${op}Response"/></wsdl:message>`,
    )
    .join("");
  const portOps = ops
    .map(
      ([op]) =>
        `<wsdl:operation name="${op}"><wsdl:input name="${op}" message="tns:${op}"/><wsdl:output name="${op}Response" message="tns:${op}Response"/>` +
        `<wsdl:fault name="ServiceError" message="tns:ServiceError"/></wsdl:operation>`,
    )
    .join("");
  const bindingOps = ops
    .map(
      ([op]) =>
        `<wsdl:operation name="${op}"><soap:operation soapAction="${op}" style="document"/>` +
        `<wsdl:input name="${op}"><soap:body use="literal"/></wsdl:input><wsdl:output name="${op}Response"><soap:body use="literal"/></wsdl:output>` +
        `<wsdl:fault name="ServiceError"><soap:fault name="ServiceError" use="literal"/></wsdl:fault></wsdl:operation>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<wsdl:definitions name="IndividualUserConversationService" targetNamespace="${SERVICE_NS}" xmlns:tns="${SERVICE_NS}"` +
    ` xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema">` +
    `<wsdl:types>${schema}</wsdl:types>` +
    messages +
    `<wsdl:message name="ServiceError"><wsdl:part name="ServiceError" element="tns:ServiceError"/></wsdl:message>` +
    `<wsdl:portType name="IndividualUserConversationService">${portOps}</wsdl:portType>` +
    `<wsdl:binding name="IndividualUserConversationServiceBinding" type="tns:IndividualUserConversationService">` +
    `<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOps}</wsdl:binding>` +
    `<wsdl:service name="IndividualUserConversationService"><wsdl:port name="IndividualUserConversationServicePort" binding="tns:IndividualUserConversationServiceBinding">` +
    `<soap:address location="${escapeXml(address)}"/></wsdl:port></wsdl:service>` +
    `</wsdl:definitions>`
  );
}
