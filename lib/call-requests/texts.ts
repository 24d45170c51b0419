// The /callback page's words in the languages it speaks. Error codes come from schemas.ts.
import type { CallbackErrorCode } from "./schemas";

export const CALLBACK_LOCALES = ["en", "tr"] as const;
export type CallbackLocale = (typeof CALLBACK_LOCALES)[number];
export const isCallbackLocale = (v: unknown): v is CallbackLocale => CALLBACK_LOCALES.includes(v as CallbackLocale);

export interface CallbackTexts {
  title: string;
  intro: string;
  name: string;
  phone: string;
  email: string;
  contactHint: string;
  window: string;
  from: string;
  to: string;
  day: string;
  windowHint: string;
  note: string;
  notePlaceholder: string;
  about: string;
  aboutProduct: (id: number) => string;
  aboutOrder: (id: number) => string;
  submit: string;
  sending: string;
  fixErrors: string;
  rateLimited: (minutes: number) => string;
  thanksTitle: string;
  thanksBody: string;
  reference: (id: number) => string;
  another: string;
  language: string;
  errors: Record<CallbackErrorCode, string>;
}

export const CALLBACK_TEXTS: Record<CallbackLocale, CallbackTexts> = {
  en: {
    title: "Request a call-back",
    intro: "Leave your number or e-mail and tell us when suits you. One of our agents will call you back.",
    name: "Your name",
    phone: "Phone",
    email: "E-mail",
    contactHint: "A phone number, an e-mail address, or both.",
    window: "When can we call?",
    from: "From",
    to: "To",
    day: "Day",
    windowHint: "Your local time. Leave the times empty if any time is fine.",
    note: "Anything we should know?",
    notePlaceholder: "What would you like to talk about?",
    about: "About",
    aboutProduct: (id) => `product #${id}`,
    aboutOrder: (id) => `order #${id}`,
    submit: "Request a call-back",
    sending: "Sending…",
    fixErrors: "Please check the highlighted fields.",
    rateLimited: (m) => `You have sent several requests already. Please try again in ${m} minute${m === 1 ? "" : "s"}.`,
    thanksTitle: "Thank you — we will call you back",
    thanksBody: "We have your request. An agent will contact you in the time you gave us.",
    reference: (id) => `Your reference: #${id}`,
    another: "Send another request",
    language: "Language",
    errors: {
      name_required: "Please tell us your name.",
      too_long: "This is too long.",
      invalid_characters: "This contains characters that are not allowed.",
      contact_required: "Give us a phone number or an e-mail address.",
      email_invalid: "This does not look like an e-mail address.",
      phone_invalid: "This does not look like a phone number.",
      time_invalid: "Use a time like 09:30.",
      window_order: "The end of the window must be after its start.",
      date_invalid: "Choose a day.",
      window_past: "This time has already passed: choose a later time or another day.",
    },
  },
  tr: {
    title: "Sizi arayalım",
    intro: "Telefon numaranızı veya e-posta adresinizi bırakın, size uygun saati yazın. Temsilcilerimizden biri sizi geri arayacak.",
    name: "Adınız",
    phone: "Telefon",
    email: "E-posta",
    contactHint: "Telefon numarası, e-posta adresi veya ikisi birden.",
    window: "Sizi ne zaman arayabiliriz?",
    from: "Başlangıç",
    to: "Bitiş",
    day: "Gün",
    windowHint: "Yerel saatiniz. Her saat uygunsa saatleri boş bırakın.",
    note: "Bilmemiz gereken bir şey var mı?",
    notePlaceholder: "Ne hakkında konuşmak istersiniz?",
    about: "Konu",
    aboutProduct: (id) => `ürün #${id}`,
    aboutOrder: (id) => `sipariş #${id}`,
    submit: "Beni arayın",
    sending: "Gönderiliyor…",
    fixErrors: "Lütfen işaretli alanları kontrol edin.",
    rateLimited: (m) => `Birkaç talep gönderdiniz. Lütfen ${m} dakika sonra tekrar deneyin.`,
    thanksTitle: "Teşekkürler — sizi geri arayacağız",
    thanksBody: "Talebinizi aldık. Bir temsilcimiz belirttiğiniz saatlerde sizinle iletişime geçecek.",
    reference: (id) => `Talep numaranız: #${id}`,
    another: "Yeni bir talep gönder",
    language: "Dil",
    errors: {
      name_required: "Lütfen adınızı yazın.",
      too_long: "Bu alan çok uzun.",
      invalid_characters: "Bu alanda izin verilmeyen karakterler var.",
      contact_required: "Bir telefon numarası veya e-posta adresi girin.",
      email_invalid: "Bu bir e-posta adresine benzemiyor.",
      phone_invalid: "Bu bir telefon numarasına benzemiyor.",
      time_invalid: "Saati 09:30 biçiminde yazın.",
      window_order: "Bitiş saati başlangıçtan sonra olmalı.",
      date_invalid: "Bir gün seçin.",
      window_past: "Bu saat geçti: daha geç bir saat veya başka bir gün seçin.",
    },
  },
};
