// The SOAP service's error messages, in Turkish (the default) and English, by the request's `lang`.
// Every failure of lib/conversations/wire/soap.ts is one of these codes (README "User messages
// over SOAP" lists them). Browser-safe: plain data.
export type SoapLang = "tr" | "en";

export const soapLang = (value: string | undefined | null): SoapLang => (value?.trim().toLowerCase().startsWith("en") ? "en" : "tr");

type Text = string | ((arg: string) => string);

export const SOAP_ERRORS = {
  AUTH_REQUIRED: {
    tr: "Kimlik doğrulama başarısız: rol adı veya rol şifresi hatalı (HTTP Basic).",
    en: "Authentication failed: wrong role name or role password (HTTP Basic).",
  },
  INVALID_API_KEY: { tr: "Uygulama anahtarı (apiKey) geçersiz.", en: "The application key (apiKey) is not valid." },
  INVALID_SIGN: { tr: "İstek imzası (sign) geçersiz.", en: "The request signature (sign) is not valid." },
  INVALID_TIME: {
    tr: "Zaman değeri (time) geçersiz: milisaniye cinsinden epoch zamanı gönderin.",
    en: "The time value is not valid: send epoch milliseconds.",
  },
  STALE_TIME: {
    tr: "İstek zamanı (time) sunucu saatinden 5 dakikadan fazla farklı.",
    en: "The request time is more than 5 minutes away from the server's clock.",
  },
  REPLAYED_REQUEST: {
    tr: "Bu istek (apiKey, time, sign) daha önce kullanıldı; her istek için yeni bir zaman ve imza gönderin.",
    en: "This request (apiKey, time, sign) was already used; send a new time and signature with every request.",
  },
  TOO_MANY_FAILURES: {
    tr: "Çok fazla hatalı istek; lütfen biraz sonra tekrar deneyin.",
    en: "Too many failed requests; try again a little later.",
  },
  NOT_ALLOWED: { tr: "Bu anahtarın bu işlem için yetkisi yok.", en: "This credential may not do this." },
  REQUEST_TOO_LARGE: { tr: "İstek 1 MB sınırını aşıyor.", en: "The request exceeds the 1 MB limit." },
  MALFORMED_REQUEST: {
    tr: "İstek okunamadı: geçerli bir SOAP 1.1 zarfı (XML) gönderin.",
    en: "The request could not be read: send a valid SOAP 1.1 envelope (XML).",
  },
  DTD_NOT_ALLOWED: {
    tr: "İstekte DTD (DOCTYPE) ya da varlık (ENTITY) tanımı kullanılamaz.",
    en: "A request may not contain a DTD (DOCTYPE) or entity declarations.",
  },
  VERSION_MISMATCH: { tr: "Yalnızca SOAP 1.1 zarfı kabul edilir.", en: "Only SOAP 1.1 envelopes are accepted." },
  UNKNOWN_OPERATION: { tr: (op: string) => `Bilinmeyen işlem: ${op}.`, en: (op: string) => `Unknown operation: ${op}.` },
  METHOD_NOT_ALLOWED: {
    tr: "İstekleri POST ile gönderin; WSDL için GET ?wsdl kullanın.",
    en: "Send requests with POST; GET ?wsdl returns the WSDL.",
  },
  MISSING_FIELD: { tr: (f: string) => `Zorunlu alan eksik: ${f}.`, en: (f: string) => `A required field is missing: ${f}.` },
  INVALID_FIELD: { tr: (f: string) => `Geçersiz değer: ${f}.`, en: (f: string) => `Invalid value: ${f}.` },
  CONVERSATION_NOT_FOUND: { tr: "Konuşma bulunamadı.", en: "Conversation not found." },
  USER_NOT_FOUND: { tr: "Kullanıcı bulunamadı.", en: "User not found." },
  SALE_NOT_FOUND: { tr: "Satış kodu bulunamadı.", en: "Sale code not found." },
  PRODUCT_NOT_FOUND: { tr: "Ürün bulunamadı.", en: "Product not found." },
  TITLE_NOT_FOUND: {
    tr: "Konu başlığı geçersiz: getConversationSubject ile listelenen başlıklardan birini gönderin.",
    en: "Unknown title: send one of the titles getConversationSubject lists.",
  },
  RECIPIENT_REQUIRED: {
    tr: "Alıcıyı belirtin: toUserNick ya da context.sale.saleCode gönderin.",
    en: "Name the recipient: send toUserNick or context.sale.saleCode.",
  },
  MESSAGE_REQUIRED: { tr: "Mesaj metni boş olamaz.", en: "The message text may not be empty." },
  MESSAGE_TOO_LONG: { tr: "Mesaj metni 10.000 karakteri aşamaz.", en: "The message text may not exceed 10,000 characters." },
  SELLER_INACTIVE: { tr: "Mağaza yeni konuşma kabul etmiyor.", en: "This seller takes no new conversations." },
  INTERNAL_ERROR: { tr: "Sunucuda bir hata oluştu; lütfen tekrar deneyin.", en: "Something went wrong on our side; please try again." },
} as const satisfies Record<string, Record<SoapLang, Text>>;

export type SoapErrorCode = keyof typeof SOAP_ERRORS;

export function soapErrorText(code: SoapErrorCode, lang: SoapLang, arg = ""): string {
  const t: Text = SOAP_ERRORS[code][lang];
  return typeof t === "function" ? t(arg) : t;
}
