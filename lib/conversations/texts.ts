// The words of conversations on the customer side — the portal ("My messages"), the public
// question page, the reply notification mail — and of the conversations API's errors, in English
// and Turkish. Browser-safe.
import type { FieldLocale } from "@/lib/validation/drf";
import type { ConversationType } from "./views";

export type PortalLocale = FieldLocale;

/** Field and request error codes of this domain (lib/validation/drf.ts words the generic ones). */
export const CONVERSATION_ERRORS: Record<PortalLocale, Record<string, (p: string) => string>> = {
  en: {
    conversation_exists: () => "Conversation already exists",
    item_other_seller: () => "This order item was not sold by this seller.",
    not_yourself: () => "You can only write as yourself.",
    customer_side_only: () => '"user" is the only value allowed here.',
    empty: () => "Write a message or attach a file.",
  },
  tr: {
    conversation_exists: () => "Konuşma zaten mevcut",
    item_other_seller: () => "Bu sipariş kalemi bu satıcıya ait değil.",
    not_yourself: () => "Yalnızca kendi adınıza yazabilirsiniz.",
    customer_side_only: () => 'Burada yalnızca "user" değerine izin verilir.',
    empty: () => "Bir mesaj yazın ya da dosya ekleyin.",
  },
};

export interface PortalTexts {
  types: Record<ConversationType, string>;
  seller: string;
  you: string;
  anonymous: string;
  list: {
    title: string;
    intro: string;
    empty: string;
    unread: string;
    answered: string;
    waiting: string;
    closed: string;
    public: string;
    from: (seller: string) => string;
    page: (n: number, of: number) => string;
    previous: string;
    next: string;
  };
  thread: {
    back: string;
    about: string;
    order: (n: string) => string;
    publicNote: string;
    closedNote: string;
    reply: string;
    replyPlaceholder: string;
    attach: string;
    filesHint: (policy: string) => string;
    send: string;
    sending: string;
    live: string;
  };
  start: {
    title: (seller: string) => string;
    intro: string;
    about: string;
    type: string;
    subject: string;
    subjectHint: string;
    message: string;
    makePublic: string;
    makePublicHint: string;
    submit: string;
    sending: string;
    unknownSeller: string;
    unknownItem: string;
    existing: string;
  };
  questions: {
    title: (product: string) => string;
    intro: (seller: string) => string;
    askedBy: (name: string) => string;
    awaiting: string;
    none: string;
    ask: string;
    notFound: string;
  };
  mail: { subject: (seller: string, subject: string) => string; body: (name: string, seller: string, text: string, link: string) => string };
}

export const PORTAL_TEXTS: Record<PortalLocale, PortalTexts> = {
  en: {
    types: { message: "Message", question: "Question", review: "Review" },
    seller: "Seller",
    you: "You",
    anonymous: "A customer",
    list: {
      title: "My messages",
      intro: "Your conversations with sellers, newest first.",
      empty: "No conversations yet. Ask a seller a question from a product or an order.",
      unread: "New answer",
      answered: "Answered",
      waiting: "Waiting for the seller",
      closed: "Closed",
      public: "Public",
      from: (seller) => `with ${seller}`,
      page: (n, of) => `Page ${n} of ${of}`,
      previous: "Newer",
      next: "Older",
    },
    thread: {
      back: "All messages",
      about: "About",
      order: (n) => `order ${n}`,
      publicNote: "Public question: it and the seller's answers are shown on the product's question page (with your first name and initial only).",
      closedNote: "This conversation is closed. Writing again opens it.",
      reply: "Your reply",
      replyPlaceholder: "Write to the seller…",
      attach: "Attach files",
      filesHint: (policy) => `Optional. ${policy}.`,
      send: "Send",
      sending: "Sending…",
      live: "New messages appear here as they arrive.",
    },
    start: {
      title: (seller) => `Write to ${seller}`,
      intro: "The seller answers here, in your messages; we e-mail you when they do.",
      about: "About",
      type: "What is it?",
      subject: "Subject",
      subjectHint: "A few words, e.g. “Size and fit”.",
      message: "Your message",
      makePublic: "Show my question and the seller's answer on the product page",
      makePublicHint: "Other shoppers see your first name and initial only.",
      submit: "Send to the seller",
      sending: "Sending…",
      unknownSeller: "This seller was not found. Check the link you followed.",
      unknownItem: "The product or order item of this link was not found.",
      existing: "You already have this conversation with the seller; your message is added to it.",
    },
    questions: {
      title: (product) => `Questions about ${product}`,
      intro: (seller) => `Questions shoppers asked ${seller}, and the answers.`,
      askedBy: (name) => `Asked by ${name}`,
      awaiting: "Waiting for the seller's answer.",
      none: "No public questions yet.",
      ask: "Ask the seller a question",
      notFound: "This product's question page was not found.",
    },
    mail: {
      subject: (seller, subject) => `${seller} answered${subject ? `: ${subject}` : ""}`,
      body: (name, seller, text, link) =>
        `Hello ${name},\n\n${seller} wrote:\n\n${text}\n\nRead and answer it in your messages:\n${link}\n\nYou get this e-mail because you asked to be told when a seller answers. Turn it off on your account page.\n`,
    },
  },
  tr: {
    types: { message: "Mesaj", question: "Soru", review: "Değerlendirme" },
    seller: "Satıcı",
    you: "Siz",
    anonymous: "Bir müşteri",
    list: {
      title: "Mesajlarım",
      intro: "Satıcılarla yazışmalarınız, en yenisi başta.",
      empty: "Henüz yazışmanız yok. Bir üründen veya siparişten satıcıya soru sorabilirsiniz.",
      unread: "Yeni yanıt",
      answered: "Yanıtlandı",
      waiting: "Satıcının yanıtı bekleniyor",
      closed: "Kapatıldı",
      public: "Herkese açık",
      from: (seller) => `${seller} ile`,
      page: (n, of) => `Sayfa ${n} / ${of}`,
      previous: "Daha yeni",
      next: "Daha eski",
    },
    thread: {
      back: "Tüm mesajlar",
      about: "Konu",
      order: (n) => `sipariş ${n}`,
      publicNote: "Herkese açık soru: soru ve satıcının yanıtları ürünün soru sayfasında gösterilir (yalnızca adınız ve soyadınızın baş harfiyle).",
      closedNote: "Bu yazışma kapatıldı. Yeniden yazarsanız açılır.",
      reply: "Yanıtınız",
      replyPlaceholder: "Satıcıya yazın…",
      attach: "Dosya ekle",
      filesHint: (policy) => `İsteğe bağlı. ${policy}.`,
      send: "Gönder",
      sending: "Gönderiliyor…",
      live: "Yeni mesajlar geldikçe burada görünür.",
    },
    start: {
      title: (seller) => `${seller} satıcısına yazın`,
      intro: "Satıcı burada, mesajlarınızda yanıtlar; yanıtladığında size e-posta göndeririz.",
      about: "Konu",
      type: "Türü",
      subject: "Başlık",
      subjectHint: "Birkaç kelime, örn. “Beden ve kalıp”.",
      message: "Mesajınız",
      makePublic: "Sorumu ve satıcının yanıtını ürün sayfasında göster",
      makePublicHint: "Diğer alışverişçiler yalnızca adınızı ve soyadınızın baş harfini görür.",
      submit: "Satıcıya gönder",
      sending: "Gönderiliyor…",
      unknownSeller: "Satıcı bulunamadı. Tıkladığınız bağlantıyı kontrol edin.",
      unknownItem: "Bu bağlantının ürünü veya sipariş kalemi bulunamadı.",
      existing: "Bu satıcıyla bu yazışmanız zaten var; mesajınız ona eklenir.",
    },
    questions: {
      title: (product) => `${product} hakkında sorular`,
      intro: (seller) => `Alışverişçilerin ${seller} satıcısına sorduğu sorular ve yanıtları.`,
      askedBy: (name) => `Soran: ${name}`,
      awaiting: "Satıcının yanıtı bekleniyor.",
      none: "Henüz herkese açık soru yok.",
      ask: "Satıcıya soru sorun",
      notFound: "Bu ürünün soru sayfası bulunamadı.",
    },
    mail: {
      subject: (seller, subject) => `${seller} yanıtladı${subject ? `: ${subject}` : ""}`,
      body: (name, seller, text, link) =>
        `Merhaba ${name},\n\n${seller} yazdı:\n\n${text}\n\nMesajlarınızda okuyup yanıtlayın:\n${link}\n\nBu e-postayı satıcı yanıtladığında haber verilmesini istediğiniz için alıyorsunuz. Hesap sayfanızdan kapatabilirsiniz.\n`,
    },
  },
};

export const portalLocale = (locale: string | null | undefined): PortalLocale => (locale?.toLowerCase().startsWith("tr") ? "tr" : "en");
