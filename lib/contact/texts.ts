// The contact form's words and the contact-us API's field errors, in the languages they speak.
// Subjects are data (contact_subject_translations); only the form's own texts live here.
// Field errors read like Django REST framework's (what the storefronts were written against).
import type { ContactErrorCode } from "./schemas";

export const CONTACT_LOCALES = ["en", "tr"] as const;
export type ContactLocale = (typeof CONTACT_LOCALES)[number];
export const isContactLocale = (v: unknown): v is ContactLocale => CONTACT_LOCALES.includes(v as ContactLocale);
/** Any locale the desk has → the one whose texts we show (English for languages without texts). */
export const textLocale = (locale: string | null | undefined): ContactLocale =>
  isContactLocale(locale) ? locale : isContactLocale(locale?.split("-")[0]) ? (locale!.split("-")[0] as ContactLocale) : "en";

export interface ErrorParams {
  max?: number;
  value?: string;
  types?: string;
  mb?: number;
}

const ERRORS: Record<ContactLocale, Record<ContactErrorCode, (p: ErrorParams) => string>> = {
  en: {
    required: () => "This field is required.",
    blank: () => "This field may not be blank.",
    not_a_string: () => "Not a valid string.",
    invalid_characters: () => "Contains characters that are not allowed (control or invisible characters).",
    too_long: (p) => `Ensure this field has no more than ${p.max} characters.`,
    email_invalid: () => "Enter a valid email address.",
    integer_invalid: () => "A valid integer is required.",
    subject_invalid: (p) => `Invalid pk "${p.value}" - object does not exist.`,
    order_required: () => "An order is required for this subject.",
    order_invalid: () => "Enter a valid order number.",
    file_invalid: () => "The submitted data was not a file. Check the encoding type on the form.",
    file_empty: () => "The submitted file is empty.",
    file_type: (p) => `File type is not supported. Allowed types: ${p.types}.`,
    file_too_large: (p) => `The file is too large. The limit is ${p.mb} MB.`,
    file_too_many: (p) => `Attach at most ${p.max} file.`,
    sender_blocked: () => "Messages from this address are not accepted.",
  },
  tr: {
    required: () => "Bu alan zorunludur.",
    blank: () => "Bu alan boş bırakılamaz.",
    not_a_string: () => "Geçerli bir metin değil.",
    invalid_characters: () => "İzin verilmeyen karakterler içeriyor (kontrol veya görünmez karakterler).",
    too_long: (p) => `Bu alanın ${p.max} karakterden fazla olmadığından emin olun.`,
    email_invalid: () => "Geçerli bir e-posta adresi girin.",
    integer_invalid: () => "Geçerli bir tam sayı girin.",
    subject_invalid: (p) => `Geçersiz pk "${p.value}" - obje mevcut değil.`,
    order_required: () => "Bu konu için sipariş numarası gereklidir.",
    order_invalid: () => "Geçerli bir sipariş numarası girin.",
    file_invalid: () => "Gönderilen veri bir dosya değil. Formdaki kodlama türünü kontrol edin.",
    file_empty: () => "Gönderilen dosya boş.",
    file_type: (p) => `Dosya türü desteklenmiyor. İzin verilen türler: ${p.types}.`,
    file_too_large: (p) => `Dosya çok büyük. Sınır ${p.mb} MB.`,
    file_too_many: (p) => `En fazla ${p.max} dosya ekleyin.`,
    sender_blocked: () => "Bu adresten gelen mesajlar kabul edilmiyor.",
  },
};

export const contactErrorText = (locale: string, code: ContactErrorCode, params: ErrorParams = {}) => ERRORS[textLocale(locale)][code](params);

export interface ContactTexts {
  title: string;
  intro: string;
  language: string;
  subject: string;
  chooseSubject: string;
  fullName: string;
  email: string;
  phone: string;
  optional: string;
  order: string;
  orderHint: (subjects: string) => string;
  message: string;
  file: string;
  fileHint: (mb: number) => string;
  submit: string;
  sending: string;
  fixErrors: string;
  rateLimited: (minutes: number) => string;
  thanksTitle: string;
  thanksBody: string;
  reference: (id: number) => string;
  another: string;
  noSubjects: string;
}

export const CONTACT_TEXTS: Record<ContactLocale, ContactTexts> = {
  en: {
    title: "Contact us",
    intro: "Questions, wishes or complaints: write to us and we will answer by e-mail.",
    language: "Language",
    subject: "Subject",
    chooseSubject: "Choose a subject",
    fullName: "Full name",
    email: "E-mail",
    phone: "Phone",
    optional: "optional",
    order: "Order number",
    orderHint: (s) => `Required for: ${s}.`,
    message: "Your message",
    file: "Attachment",
    fileHint: (mb) => `Optional. PDF, JPG, PNG, XLS, XLSX, DOC or DOCX, at most ${mb} MB.`,
    submit: "Send message",
    sending: "Sending…",
    fixErrors: "Please check the highlighted fields.",
    rateLimited: (m) => `You have sent several messages already. Please try again in ${m} minute${m === 1 ? "" : "s"}.`,
    thanksTitle: "Thank you — your message has been sent",
    thanksBody: "We have received your message and will answer you by e-mail.",
    reference: (id) => `Your reference: #${id}`,
    another: "Send another message",
    noSubjects: "The contact form is not available at the moment.",
  },
  tr: {
    title: "Bize ulaşın",
    intro: "Soru, istek veya şikâyetleriniz için bize yazın; size e-posta ile yanıt vereceğiz.",
    language: "Dil",
    subject: "Konu",
    chooseSubject: "Bir konu seçin",
    fullName: "Ad soyad",
    email: "E-posta",
    phone: "Telefon",
    optional: "isteğe bağlı",
    order: "Sipariş numarası",
    orderHint: (s) => `Şu konular için gerekli: ${s}.`,
    message: "Mesajınız",
    file: "Dosya eki",
    fileHint: (mb) => `İsteğe bağlı. PDF, JPG, PNG, XLS, XLSX, DOC veya DOCX, en fazla ${mb} MB.`,
    submit: "Mesajı gönder",
    sending: "Gönderiliyor…",
    fixErrors: "Lütfen işaretli alanları kontrol edin.",
    rateLimited: (m) => `Birkaç mesaj gönderdiniz. Lütfen ${m} dakika sonra tekrar deneyin.`,
    thanksTitle: "Teşekkürler — mesajınız gönderildi",
    thanksBody: "Mesajınızı aldık, size e-posta ile yanıt vereceğiz.",
    reference: (id) => `Başvuru numaranız: #${id}`,
    another: "Yeni bir mesaj gönder",
    noSubjects: "İletişim formu şu anda kullanılamıyor.",
  },
};

/** The contact panel's labels in the agent's language (the values stay as the customer gave them). */
export const CONTACT_PANEL_LABELS: Record<
  ContactLocale,
  Record<"panel" | "subject" | "name" | "email" | "phone" | "order" | "operation" | "sentTo" | "language" | "attachment" | "inactive", string>
> = {
  en: {
    panel: "Contact form",
    subject: "Subject",
    name: "Name",
    email: "E-mail",
    phone: "Phone",
    order: "Order",
    operation: "Operation",
    sentTo: "Sent to",
    language: "Language",
    attachment: "Attachment",
    inactive: "inactive",
  },
  tr: {
    panel: "İletişim formu",
    subject: "Konu",
    name: "Ad",
    email: "E-posta",
    phone: "Telefon",
    order: "Sipariş",
    operation: "İşlem",
    sentTo: "Gönderildi",
    language: "Dil",
    attachment: "Ek",
    inactive: "pasif",
  },
};
